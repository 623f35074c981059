/**
 * Checklists (docs/checklists.md): the built-in template per format, an organiser's own copy
 * (copy-on-write), an event's working copy with due dates from the event's date, overdue items,
 * ticking and assigning, access by region, bounded size, the one error shape.
 */
import { describe, expect, it } from "vitest";
import { call, expectError, makeEvent, makeOrganisation, rows, tokenFor } from "./api";
import { BUILTIN_TEMPLATES, CHECKLIST_FORMATS, addDays } from "../../worker/checklists/templates";

const today = () => new Date().toISOString().slice(0, 10);

describe("checklists: templates", () => {
  it("every format has a built-in template in German, English and Dutch, before and after the day", async () => {
    for (const format of CHECKLIST_FORMATS) {
      const res = await call(`/api/v1/checklist-templates/${format}`);
      expect(res.status, res.text).toBe(200);
      expect(res.json.source).toBe("builtin");
      expect(res.json.items.length).toBe(BUILTIN_TEMPLATES[format].length);
      for (const item of res.json.items) {
        expect(item.titles.de && item.titles.en && item.titles.nl, JSON.stringify(item)).toBeTruthy();
        expect(item.titles.de).not.toBe(item.titles.en);
      }
      expect(res.json.items.some((i: any) => i.offsetDays < 0)).toBe(true);
      expect(res.json.items.some((i: any) => i.offsetDays > 0)).toBe(true);
    }
    const mp = BUILTIN_TEMPLATES.marketplace;
    expect(mp.find((i) => i.key === "win_partners")?.offsetDays).toBe(-180);
    expect(mp.find((i) => i.key === "thanks")?.offsetDays).toBe(1);
    expect(mp.find((i) => i.key === "follow_up")?.offsetDays).toBe(90);
  });

  it("an organiser's own copy is used for its events; a changed text loses the built-in key; the built-in one stays for others", async () => {
    const organiser = await makeOrganisation({ kind: "intermediary", name: "Freiwilligenagentur Essen" });
    const builtin = (await call("/api/v1/checklist-templates/marketplace")).json.items;
    const items = [
      ...builtin.slice(0, 2).map((i: any) => ({ key: i.key, title: i.title, offsetDays: i.offsetDays })),
      { key: builtin[2].key, title: "Einladen über den Newsletter der Kammer", offsetDays: -100 },
      { title: "Fotografin buchen", offsetDays: -20 },
    ];
    const put = await call(`/api/v1/checklist-templates/marketplace?organiserId=${organiser}`, { method: "PUT", body: { items } });
    expect(put.status, put.text).toBe(200);
    expect(put.json.source).toBe("organiser");
    expect(put.json.items.map((i: any) => i.key)).toEqual([builtin[0].key, builtin[1].key, null, null]);
    expect(put.json.items[3]).toMatchObject({ title: "Fotografin buchen", offsetDays: -20, titles: null });

    const own = await makeEvent({ kind: "marketplace", organiserId: organiser, date: "2099-05-01" });
    const made = await call(`/api/v1/events/${own}/checklist`, { body: {} });
    expect(made.status, made.text).toBe(201);
    expect(made.json.templateSource).toBe("organiser");
    expect(made.json.items.map((i: any) => i.title)).toContain("Fotografin buchen");
    expect(made.json.items).toHaveLength(4);

    const other = await makeEvent({ kind: "marketplace", date: "2099-05-01" });
    const plain = await call(`/api/v1/events/${other}/checklist`, { body: {} });
    expect(plain.json.templateSource).toBe("builtin");
    expect(plain.json.items).toHaveLength(BUILTIN_TEMPLATES.marketplace.length);

    // Dropping the copy: later checklists use the built-in template again; made ones stay.
    expect((await call(`/api/v1/checklist-templates/marketplace?organiserId=${organiser}`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`/api/v1/checklist-templates/marketplace?organiserId=${organiser}`)).json.source).toBe("builtin");
    expect((await call(`/api/v1/events/${own}/checklist`)).json.items).toHaveLength(4);
  });
});

describe("checklists: an event's working copy", () => {
  it("is made from the template with due dates from the event's date; overdue items show; ticking clears them", async () => {
    // An event five weeks from now: the items due six, three months and two months before are overdue.
    const date = addDays(today(), 35);
    const event = await makeEvent({ kind: "action_day", date, title: "Aktionstag Essen" });
    const made = await call(`/api/v1/events/${event}/checklist`, { body: {} });
    expect(made.status, made.text).toBe(201);
    const items = made.json.items as any[];
    for (const item of items) expect(item.dueOn).toBe(addDays(date, item.offsetDays));
    const overdue = items.filter((i) => i.overdue);
    expect(overdue.map((i) => i.key).sort()).toEqual(BUILTIN_TEMPLATES.action_day.filter((i) => i.offsetDays < -35).map((i) => i.key).sort());
    expect(made.json.counts).toEqual({ total: items.length, done: 0, overdue: overdue.length });

    const first = overdue[0];
    const ticked = await call(`/api/v1/events/${event}/checklist/items/${first.id}`, { method: "PATCH", body: { done: true, assignee: "Frau Özdemir" } });
    expect(ticked.status, ticked.text).toBe(200);
    expect(ticked.json).toMatchObject({ done: true, overdue: false, assignee: "Frau Özdemir" });
    const again = await call(`/api/v1/events/${event}/checklist`);
    expect(again.json.counts).toEqual({ total: items.length, done: 1, overdue: overdue.length - 1 });

    // A moved event moves its deadlines.
    const moved = addDays(date, 200);
    expect((await call(`/api/v1/events/${event}`, { method: "PATCH", body: { date: moved } })).status).toBe(200);
    const later = await call(`/api/v1/events/${event}/checklist`);
    expect(later.json.counts.overdue).toBe(0);
    expect(later.json.items.find((i: any) => i.id === first.id).dueOn).toBe(addDays(moved, first.offsetDays));

    // Audited.
    const audit = await rows<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'event_checklist_items' AND entity_id = ?", String(first.id));
    expect(audit.map((a) => a.action)).toEqual(["update"]);
  });

  it("takes own items, a due date as a day, and removes items; a second copy is a 409", async () => {
    const event = await makeEvent({ kind: "round_table", date: "2099-03-10" });
    expect((await call(`/api/v1/events/${event}/checklist`, { body: {} })).status).toBe(201);
    expectError(await call(`/api/v1/events/${event}/checklist`, { body: {} }), 409, "conflict");
    const added = await call(`/api/v1/events/${event}/checklist/items`, { body: { title: "Namensschilder drucken", offsetDays: -2, assignee: "Empfang" } });
    expect(added.status, added.text).toBe(201);
    expect(added.json).toMatchObject({ title: "Namensschilder drucken", dueOn: "2099-03-08", key: null, titles: null });
    const moved = await call(`/api/v1/events/${event}/checklist/items/${added.json.id}`, { method: "PATCH", body: { dueOn: "2099-02-10" } });
    expect(moved.json).toMatchObject({ offsetDays: -28, dueOn: "2099-02-10" });
    // A built-in item whose text is changed becomes the organiser's own (no translations).
    const builtin = (await call(`/api/v1/events/${event}/checklist`)).json.items.find((i: any) => i.key === "invite");
    const renamed = await call(`/api/v1/events/${event}/checklist/items/${builtin.id}`, { method: "PATCH", body: { title: "Einladung per Post" } });
    expect(renamed.json).toMatchObject({ key: null, titles: null, title: "Einladung per Post" });
    expect((await call(`/api/v1/events/${event}/checklist/items/${added.json.id}`, { method: "DELETE" })).status).toBe(204);
    expectError(await call(`/api/v1/events/${event}/checklist/items/${added.json.id}`, { method: "DELETE" }), 404, "not_found");
  });

  it("refuses events of kind other, unknown events and items of another event, bad input, in the one error shape", async () => {
    const other = await makeEvent({ kind: "other" });
    expectError(await call(`/api/v1/events/${other}/checklist`, { body: {} }), 422, "validation_failed");
    expectError(await call(`/api/v1/events/999999/checklist`, { body: {} }), 404, "not_found");
    const a = await makeEvent({ kind: "marketplace", date: "2099-01-01" });
    const b = await makeEvent({ kind: "marketplace", date: "2099-01-01" });
    // Before the copy is made: none, and which template it would come from.
    expect((await call(`/api/v1/events/${a}/checklist`)).json).toMatchObject({ created: false, templateSource: "builtin", createdAt: null, items: [], counts: { total: 0, done: 0, overdue: 0 } });
    await call(`/api/v1/events/${a}/checklist`, { body: {} });
    await call(`/api/v1/events/${b}/checklist`, { body: {} });
    const itemOfA = (await call(`/api/v1/events/${a}/checklist`)).json.items[0].id;
    expectError(await call(`/api/v1/events/${b}/checklist/items/${itemOfA}`, { method: "PATCH", body: { done: true } }), 404, "not_found");
    expectError(await call(`/api/v1/events/${a}/checklist/items/${itemOfA}`, { method: "PATCH", body: { offsetDays: 5000 } }), 422, "validation_failed");
    expectError(await call(`/api/v1/events/${a}/checklist/items/${itemOfA}`, { method: "PATCH", body: { dueOn: "03.10.2026" } }), 422, "validation_failed");
    expectError(await call(`/api/v1/events/${a}/checklist/items/${itemOfA}`, { method: "PATCH", body: { dueOn: "2099-01-05", offsetDays: 4 } }), 422, "validation_failed");
    expectError(await call(`/api/v1/events/${a}/checklist/items`, { body: { title: "", offsetDays: 1 } }), 422, "validation_failed");
    expectError(await call("/api/v1/checklist-templates/picnic"), 422, "validation_failed");
    const org = await makeOrganisation({ kind: "intermediary" });
    expectError(await call(`/api/v1/checklist-templates/marketplace?organiserId=${org}`, { method: "PUT", body: { items: [] } }), 422, "validation_failed");
    const tooMany = Array.from({ length: 201 }, (_, i) => ({ title: `Punkt ${i}`, offsetDays: 0 }));
    expectError(await call(`/api/v1/checklist-templates/marketplace?organiserId=${org}`, { method: "PUT", body: { items: tooMany } }), 422, "validation_failed");
  });

  it("organisers only: anonymous 401, funders 403, coordinators of another region 403 — before the body is read", async () => {
    const event = await makeEvent({ kind: "marketplace", date: "2099-01-01", regionCode: "05113" });
    await call(`/api/v1/events/${event}/checklist`, { body: {} });
    const funder = await tokenFor("funder");
    const elsewhere = await tokenFor("coordinator", ["16053"]);
    const here = await tokenFor("coordinator", ["05113"]);
    expectError(await call(`/api/v1/events/${event}/checklist`, { token: null }), 401, "unauthorized");
    expectError(await call(`/api/v1/events/${event}/checklist`, { token: funder }), 403, "forbidden");
    expectError(await call(`/api/v1/events/${event}/checklist`, { token: elsewhere }), 403, "forbidden");
    expectError(await call(`/api/v1/events/${event}/checklist/items`, { token: null, body: { nonsense: true } }), 401, "unauthorized");
    expectError(await call(`/api/v1/events/${event}/checklist/items`, { token: funder, body: { nonsense: true } }), 403, "forbidden");
    expect((await call(`/api/v1/events/${event}/checklist`, { token: here })).status).toBe(200);
    const org = await makeOrganisation({ kind: "intermediary", regionCode: "05113" });
    expectError(await call(`/api/v1/checklist-templates/marketplace?organiserId=${org}`, { token: elsewhere, method: "PUT", body: { items: [{ title: "x", offsetDays: 0 }] } }), 403, "forbidden");
    expect((await call(`/api/v1/checklist-templates/marketplace?organiserId=${org}`, { token: here, method: "PUT", body: { items: [{ title: "x", offsetDays: 0 }] } })).status).toBe(200);
  });
});
