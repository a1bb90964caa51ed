// The one RAG dropdown: the four RAGs in their order (RAGS, src/plan/rag.ts), each in the reader's words.
// A single choice may offer a first "none" option (no override, all RAGs); the multiple form is the
// Actions view's filter. Put it inside a Field: the Field names it.
import { Dropdown, Option } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { RAGS, type Rag } from "../../plan";

/** The option value of the "none" choice (never a RAG). */
const NONE = "none";

interface Common {
  className?: string;
  disabled?: boolean;
}

interface Single extends Common {
  multiselect?: false;
  value: Rag | null;
  onChange(rag: Rag | null): void;
  /** Label of a first option meaning "no RAG" (chosen when value is null); without it a RAG must be chosen. */
  none?: string;
}

interface Multiple extends Common {
  multiselect: true;
  values: readonly Rag[];
  onChange(rags: Rag[]): void;
  /** What the closed dropdown shows for the chosen RAGs. */
  summary: string;
}

export function RagDropdown(props: Single | Multiple) {
  const { t } = useTranslation();
  const options = RAGS.map((rag) => (
    <Option key={rag} value={rag} text={t(`rag.${rag}`)}>
      {t(`rag.${rag}`)}
    </Option>
  ));
  if (props.multiselect) {
    return (
      <Dropdown
        multiselect
        className={props.className}
        disabled={props.disabled}
        value={props.summary}
        selectedOptions={[...props.values]}
        onOptionSelect={(_, data) => props.onChange(RAGS.filter((r) => data.selectedOptions.includes(r)))}
      >
        {options}
      </Dropdown>
    );
  }
  const { value, none, onChange } = props;
  return (
    <Dropdown
      className={props.className}
      disabled={props.disabled}
      value={value ? t(`rag.${value}`) : (none ?? "")}
      selectedOptions={[value ?? NONE]}
      onOptionSelect={(_, data) =>
        onChange(data.optionValue === NONE || data.optionValue === undefined ? null : (data.optionValue as Rag))
      }
    >
      {none !== undefined ? (
        <Option value={NONE} text={none}>
          {none}
        </Option>
      ) : null}
      {options}
    </Dropdown>
  );
}
