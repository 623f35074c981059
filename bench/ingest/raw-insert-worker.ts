/**
 * @module
 * The platform's ceiling for ingest: a Worker that stores the same cooperation records as the bulk
 * API with nothing but D1 — no validation, no reference checks, no audit or revisions — as
 * `INSERT … SELECT FROM json_each(?)` statements in one batch. Run by the benchmark with
 * `wrangler dev -c bench/ingest/wrangler.toml`.
 */
interface Env {
  DB: D1Database;
}

interface RecordIn {
  partnerIds: number[];
  regionCode: string;
  dateAgreed: string;
  status: string;
  contributionTypes: string[];
  volunteers: number;
  hours: number;
  valueEur: number;
  peopleReached: number;
}

const MAX_CHUNK_CHARS = 512 * 1024;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method !== "POST") return new Response("POST {records} to insert them\n");
    const { records } = (await request.json()) as { records: RecordIn[] };
    const now = new Date().toISOString();
    const chunks: RecordIn[][] = [];
    let current: RecordIn[] = [];
    let size = 0;
    for (const r of records) {
      const length = JSON.stringify(r).length;
      if (current.length && size + length > MAX_CHUNK_CHARS) {
        chunks.push(current);
        current = [];
        size = 0;
      }
      current.push(r);
      size += length;
    }
    if (current.length) chunks.push(current);
    const statements: D1PreparedStatement[] = [];
    for (const chunk of chunks) {
      const json = JSON.stringify(chunk.map((r) => ({ ...r, contributionTypes: r.contributionTypes.join(",") })));
      statements.push(
        env.DB.prepare(`INSERT INTO cooperations (region_code, date_agreed, status, contribution_types, volunteers, hours, value_eur, people_reached, created_at, updated_at)
          SELECT j.value ->> 'regionCode', j.value ->> 'dateAgreed', j.value ->> 'status', j.value ->> 'contributionTypes', j.value ->> 'volunteers',
                 j.value ->> 'hours', j.value ->> 'valueEur', j.value ->> 'peopleReached', ?2, ?2
          FROM json_each(?1) j WHERE true ORDER BY j.key`).bind(json, now),
        env.DB.prepare(`INSERT INTO cooperation_partners (cooperation_id, organisation_id)
          SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'cooperations') - ?2 + 1 + j.key, p.value
          FROM json_each(?1) j JOIN json_each(j.value, '$.partnerIds') p`).bind(json, chunk.length),
      );
    }
    await env.DB.batch(statements);
    return Response.json({ created: records.length });
  },
};
