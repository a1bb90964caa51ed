// A day chosen with Fluent's date picker: typed as dd/mm/yyyy (the UK and Welsh order, not the
// browser's mm/dd/yyyy) or picked from a calendar with the locale's month and day names, weeks from
// Monday. Keyboard: type the date, or Alt+Down (or Enter) to open the calendar and the arrow keys to
// move in it. The value is an ISO day (yyyy-mm-dd), "" when cleared.
import { DatePicker, type CalendarStrings } from "@fluentui/react-datepicker-compat";
import { Field } from "@fluentui/react-components";
import { memo, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDayInput, isoOfLocalDate, localDateOfIso, parseDayInput } from "./date-input";

const MONDAY = 1;

// Stable functions and a stable Date: the picker resets its text whenever either changes identity.
const formatDate = (date?: Date) => (date ? formatDayInput(isoOfLocalDate(date)) : "");
const parseDate = (text: string) => localDateOfIso(parseDayInput(text));

function useCalendarStrings(): CalendarStrings {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const list = (key: string) => t(key, { returnObjects: true }) as unknown as string[];
    return {
      months: list("datePicker.months"),
      shortMonths: list("datePicker.shortMonths"),
      days: list("datePicker.days"),
      shortDays: list("datePicker.shortDays"),
      goToToday: t("datePicker.goToToday"),
      prevMonthAriaLabel: t("datePicker.prevMonth"),
      nextMonthAriaLabel: t("datePicker.nextMonth"),
      prevYearAriaLabel: t("datePicker.prevYear"),
      nextYearAriaLabel: t("datePicker.nextYear"),
      prevYearRangeAriaLabel: t("datePicker.prevYears"),
      nextYearRangeAriaLabel: t("datePicker.nextYears"),
      closeButtonAriaLabel: t("datePicker.close"),
      selectedDateFormatString: t("datePicker.selected"),
      todayDateFormatString: t("datePicker.today"),
      weekNumberFormatString: t("datePicker.week"),
      dayMarkedAriaLabel: t("datePicker.marked"),
    };
    // The words change with the language only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [i18n.language]);
}

interface DateFieldProps {
  label: string;
  hint?: string;
  value: string;
  onChange(iso: string): void;
  className?: string;
  "data-testid"?: string;
}

/**
 * A labelled day field; a typed date that is not a real day says so (the value is left as it was).
 * Memoised: a form re-renders on every keystroke elsewhere, and the picker need not (pass a stable onChange).
 */
export const DateField = memo(function DateField(props: DateFieldProps) {
  const { t } = useTranslation();
  const strings = useCalendarStrings();
  const [invalid, setInvalid] = useState(false);
  const value = useMemo(() => localDateOfIso(props.value), [props.value]);
  return (
    <Field
      label={props.label}
      hint={props.hint}
      className={props.className}
      validationState={invalid ? "error" : "none"}
      validationMessage={invalid ? t("datePicker.invalid") : undefined}
    >
      <DatePicker
        onValidationResult={(data) => setInvalid(data.error === "invalid-input")}
        allowTextInput
        value={value}
        onSelectDate={(date) => props.onChange(date ? isoOfLocalDate(date) : "")}
        formatDate={formatDate}
        parseDateFromString={parseDate}
        placeholder={t("datePicker.placeholder")}
        strings={strings}
        firstDayOfWeek={MONDAY}
        showGoToToday
        data-testid={props["data-testid"]}
      />
    </Field>
  );
});
