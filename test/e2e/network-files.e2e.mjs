// Network files as analysts open them: the GEXF, GraphML and CSV ZIP (German and English) of a
// demo district, read with networkx and Python's csv (lib/compare-network-files.py), give the same
// nodes, ties and attribute values as the JSON export; GEXF's viz elements carry the layout, the
// size by partners and the colour by kind. Needs /usr/bin/python3 with networkx (Debian's
// python3-networkx; .ci/run installs it).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./lib/server.mjs";

const PYTHON = "/usr/bin/python3";
const REGION = "05113";

export default function networkFiles(t) {
  const { test, assert } = t;

  test("network files read in networkx and csv equal the JSON export, with GEXF viz", async () => {
    const probe = spawnSync(PYTHON, ["-c", "import networkx"], { encoding: "utf8" });
    assert.equal(probe.status, 0, `networkx missing (apt-get install python3-networkx): ${probe.stderr}`);
    const auth = { Authorization: `Bearer ${t.adminToken}` };
    const dir = join(root, "test-output", "network-files");
    mkdirSync(dir, { recursive: true });
    const files = { json: "network.json", gexf: "network.gexf", graphml: "network.graphml", "zip&locale=de": "network-de.zip", "zip&locale=en": "network-en.zip" };
    for (const [format, name] of Object.entries(files)) {
      const res = await fetch(`${t.base}/api/v1/regions/${REGION}/network?format=${format}`, { headers: auth });
      assert.equal(res.status, 200, `${format}: ${res.status}`);
      writeFileSync(join(dir, name), Buffer.from(await res.arrayBuffer()));
    }
    const run = spawnSync(PYTHON, [join(root, "test/e2e/lib/compare-network-files.py"), dir, join(root, "dashboard/src/palette.ts"), join(root, "dashboard/src/network-view/model.ts")], { encoding: "utf8" });
    console.log(run.stdout.trim().split("\n").map((l) => `  ${l}`).join("\n"));
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  });
}
