// A comment box with @mentions: typing "@" and part of a name opens the people picker inline (site
// users from searchPeople); choosing one writes "@Name" in the box and remembers who it is, so the
// stored text carries the person's site user id (encodeMentions). Keyboard: Down and Up move through
// the people, Enter or Tab chooses, Escape closes the list (and only the list).
import { useEffect, useId, useRef, useState } from "react";
import { Avatar, Field, Text, Textarea, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { mentionQueryAt, type ChosenMention, type Person } from "../../plan";
import { usePlanContext } from "../state/PlanContext";

const useStyles = makeStyles({
  box: { display: "grid", gap: tokens.spacingVerticalXS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
    maxHeight: "14rem",
    overflowY: "auto",
  },
  option: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    overflowWrap: "anywhere",
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
  },
  secondary: { color: tokens.colorNeutralForeground2 },
});

export interface MentionValue {
  /** What the box shows: mentions as "@Name". */
  display: string;
  chosen: ChosenMention[];
}

export function MentionInput(props: {
  label: string;
  value: MentionValue;
  onChange: (value: MentionValue) => void;
  validationMessage?: string | undefined;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { store } = usePlanContext();
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [at, setAt] = useState<{ start: number; query: string; caret: number } | null>(null);
  const [found, setFound] = useState<Person[]>([]);
  const [active, setActive] = useState(0);
  const [announce, setAnnounce] = useState("");

  useEffect(() => {
    if (props.autoFocus) ref.current?.focus();
  }, [props.autoFocus]);

  useEffect(() => {
    if (!at || at.query.trim().length === 0) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      store
        .searchPeople(at.query.trim())
        .then((people) => live && (setFound(people.slice(0, 8)), setActive(0)))
        .catch(() => live && setFound([]));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [at?.query, store]); // eslint-disable-line react-hooks/exhaustive-deps -- searched again only when the typed name changes

  function track(text: string, caret: number) {
    const q = mentionQueryAt(text, caret);
    setAt(q ? { ...q, caret } : null);
  }

  function choose(person: Person) {
    if (!at) return;
    // The box shows "@Name "; the token is made when the comment is saved.
    const shown = `@${person.title} `;
    const display = props.value.display.slice(0, at.start) + shown + props.value.display.slice(at.caret);
    const caret = at.start + shown.length;
    props.onChange({
      display,
      chosen: [...props.value.chosen.filter((c) => c.id !== person.id), { id: person.id, name: person.title }],
    });
    setAt(null);
    setFound([]);
    setAnnounce(t("discussion.mentionAdded", { name: person.title }));
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(caret, caret);
    });
  }

  const open = at !== null;
  const options = open ? found : [];
  const activeId = options.length > 0 ? `${listId}-${Math.min(active, options.length - 1)}` : undefined;

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === "Escape") {
      // Closes the list only, not the panel around the box.
      event.preventDefault();
      event.stopPropagation();
      setAt(null);
      return;
    }
    if (options.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive((n) => (n + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(options[Math.min(active, options.length - 1)] as Person);
    }
  }

  return (
    <div className={styles.box}>
      <Field label={props.label} hint={t("discussion.mentionHint")} validationMessage={props.validationMessage}>
        <Textarea
          ref={ref}
          value={props.value.display}
          resize="vertical"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open && options.length > 0}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={activeId}
          onChange={(event, data) => {
            props.onChange({ ...props.value, display: data.value });
            track(data.value, event.target.selectionStart ?? data.value.length);
          }}
          onKeyDown={onKeyDown}
          onClick={(event) => track(props.value.display, event.currentTarget.selectionStart ?? 0)}
          onBlur={() => setTimeout(() => setAt(null), 150)}
        />
      </Field>
      {open ? (
        at.query.trim().length === 0 || options.length === 0 ? (
          <Text size={200} className={styles.secondary} role="status">
            {at.query.trim().length === 0
              ? t("discussion.mentionType")
              : t("discussion.mentionNone", { query: at.query.trim() })}
          </Text>
        ) : (
          <ul id={listId} role="listbox" aria-label={t("discussion.mentionList")} className={styles.list}>
            {options.map((person, i) => (
              <li
                key={person.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === Math.min(active, options.length - 1)}
                className={mergeClasses(styles.option, i === Math.min(active, options.length - 1) && styles.active)}
                // Chosen on mouse down, before the box loses focus.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(person);
                }}
              >
                <Avatar aria-hidden name={person.title} size={24} color="colorful" />
                <span>
                  {person.title}
                  {person.email ? <span className={styles.secondary}> · {person.email}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <span className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </span>
    </div>
  );
}
