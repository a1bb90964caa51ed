// Choose site users: a Fluent TagPicker over searchPeople; an e-mail or sign-in name typed in full is
// resolved with ensurePerson (a site user with that e-mail, else SharePoint's ensureUser with the
// sign-in name) so someone not yet on the site can be assigned.
import { useEffect, useState } from "react";
import { Avatar, Field, TagPicker, TagPickerControl, TagPickerGroup, TagPickerInput, TagPickerList, TagPickerOption, Tag } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Person } from "../../plan";
import { usePlanContext } from "../state/PlanContext";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function PeoplePicker(props: { label: string; value: Person[]; onChange: (people: Person[]) => void; single?: boolean; hint?: string }) {
  const { t } = useTranslation();
  const { store } = usePlanContext();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Person[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      store
        .searchPeople(q)
        .then((people) => live && setFound(people))
        .catch(() => live && setFound([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, store]);

  const selectedIds = props.value.map((p) => String(p.id));
  const options = found.filter((p) => !selectedIds.includes(String(p.id)));
  const typedEmail = EMAIL.test(query.trim()) && !found.some((p) => p.email?.toLowerCase() === query.trim().toLowerCase()) ? query.trim() : null;

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
    <Field label={props.label} hint={props.hint} validationMessage={problem ?? undefined} validationState={problem ? "error" : "none"}>
      <TagPicker onOptionSelect={(_, data) => void select(data.value)} selectedOptions={selectedIds}>
        <TagPickerControl>
          <TagPickerGroup aria-label={t("people.selected", { label: props.label })}>
            {props.value.map((person) => (
              <Tag key={person.id} shape="rounded" media={<Avatar aria-hidden name={person.title} color="colorful" />} value={String(person.id)}>
                {person.title}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput aria-label={props.label} value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t("people.placeholder")} />
        </TagPickerControl>
        <TagPickerList>
          {options.map((person) => (
            <TagPickerOption
              key={person.id}
              value={String(person.id)}
              secondaryContent={person.email ?? undefined}
              media={<Avatar aria-hidden name={person.title} color="colorful" />}
            >
              {person.title}
            </TagPickerOption>
          ))}
          {typedEmail ? <TagPickerOption value={`ensure:${typedEmail}`}>{t("people.addByEmail", { email: typedEmail })}</TagPickerOption> : null}
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
