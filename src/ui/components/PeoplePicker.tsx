// Choose site users: a Fluent TagPicker over searchPeople; an e-mail or sign-in name typed in full is
// resolved with ensurePerson (a site user with that e-mail, else SharePoint's ensureUser with the
// sign-in name) so someone not yet on the site can be assigned. With `groups`, SharePoint site groups
// are found too (searchGroups): a group can lead an action, and its members share it.
import { useEffect, useState } from "react";
import {
  Avatar,
  Field,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  Tag,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Person } from "../../plan";
import { usePlanContext } from "../state/PlanContext";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Whether each chosen person can update the plan (write progress records), asked once per person:
 * a read-only committee member made a lead could never update their action, so the picker says so.
 */
function useReadOnlyPeople(people: Person[], enabled: boolean): Person[] {
  const { store } = usePlanContext();
  const [access, setAccess] = useState<ReadonlyMap<number, boolean | null>>(new Map());
  const ids = people.map((p) => p.id).join(",");
  useEffect(() => {
    if (!enabled || !store.canUpdatePlan) return;
    let live = true;
    const unknown = people.filter((p) => !access.has(p.id));
    for (const person of unknown) {
      store
        .canUpdatePlan(person.id)
        .catch(() => null)
        .then((can) => live && setAccess((previous) => new Map(previous).set(person.id, can)));
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- asked again only when the chosen people change
  }, [ids, enabled, store]);
  return enabled ? people.filter((p) => access.get(p.id) === false) : [];
}

export function PeoplePicker(props: {
  label: string;
  value: Person[];
  onChange: (people: Person[]) => void;
  single?: boolean;
  hint?: string;
  /** Leads: warn when a chosen person can only read the plan (they could not update their action). */
  warnIfReadOnly?: boolean;
  /** Offer SharePoint groups as well as people (only for a field that takes groups: Leads). */
  groups?: boolean;
}) {
  const { t } = useTranslation();
  const { store } = usePlanContext();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Person[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const readOnly = useReadOnlyPeople(props.value, props.warnIfReadOnly === true);
  const warning =
    readOnly.length > 0 ? t("leadWarning.readOnly", { names: readOnly.map((p) => p.title).join(", ") }) : null;

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      // People first, then groups; a failed group search leaves the people.
      const groups = props.groups && store.searchGroups ? store.searchGroups(q).catch(() => []) : Promise.resolve([]);
      Promise.all([store.searchPeople(q), groups])
        .then(([people, found]) => live && setFound([...people, ...found]))
        .catch(() => live && setFound([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, store, props.groups]);

  const selectedIds = props.value.map((p) => String(p.id));
  const options = found.filter((p) => !selectedIds.includes(String(p.id)));
  const typedEmail =
    EMAIL.test(query.trim()) && !found.some((p) => p.email?.toLowerCase() === query.trim().toLowerCase())
      ? query.trim()
      : null;

  async function select(value: string) {
    setProblem(null);
    if (value === "__none") return;
    if (value.startsWith("ensure:")) {
      try {
        const person = await store.ensurePerson(value.slice("ensure:".length));
        add(person);
      } catch {
        // SharePoint finds people by sign-in name; an e-mail address that is not one is "not found".
        setProblem(`${t("people.notFound", { who: value.slice("ensure:".length) })} ${t("people.notFoundHint")}`);
      }
      return;
    }
    const person = found.find((p) => String(p.id) === value) ?? props.value.find((p) => String(p.id) === value);
    if (!person) return;
    if (selectedIds.includes(value)) props.onChange(props.value.filter((p) => String(p.id) !== value));
    else add(person);
  }

  function add(person: Person) {
    props.onChange(props.single ? [person] : [...props.value.filter((p) => p.id !== person.id), person]);
    setQuery("");
  }

  return (
    <Field
      label={props.label}
      hint={props.hint}
      validationMessage={problem ?? warning ?? undefined}
      validationState={problem ? "error" : warning ? "warning" : "none"}
    >
      <TagPicker onOptionSelect={(_, data) => void select(data.value)} selectedOptions={selectedIds}>
        <TagPickerControl>
          <TagPickerGroup aria-label={t("people.selected", { label: props.label })}>
            {props.value.map((person) => (
              <Tag
                key={person.id}
                shape="rounded"
                media={
                  <Avatar
                    aria-hidden
                    name={person.title}
                    color="colorful"
                    shape={person.isGroup ? "square" : "circular"}
                  />
                }
                value={String(person.id)}
              >
                {person.title}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput
            aria-label={props.label}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("people.placeholder")}
          />
        </TagPickerControl>
        <TagPickerList>
          {options.map((person) => (
            <TagPickerOption
              key={person.id}
              value={String(person.id)}
              secondaryContent={person.isGroup ? t("people.group") : (person.email ?? undefined)}
              media={
                <Avatar
                  aria-hidden
                  name={person.title}
                  color="colorful"
                  shape={person.isGroup ? "square" : "circular"}
                />
              }
            >
              {person.title}
            </TagPickerOption>
          ))}
          {typedEmail ? (
            <TagPickerOption value={`ensure:${typedEmail}`}>
              {t("people.addByEmail", { email: typedEmail })}
            </TagPickerOption>
          ) : null}
          {options.length === 0 && !typedEmail ? (
            <TagPickerOption value="__none">
              {query.trim().length < 2 ? t("people.typeToSearch") : t("people.noMatches")}
            </TagPickerOption>
          ) : null}
        </TagPickerList>
      </TagPicker>
    </Field>
  );
}
