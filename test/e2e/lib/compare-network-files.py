#!/usr/bin/env python3
"""Reads a region's network files with the tools analysts use and compares them with its JSON.

networkx's read_gexf and read_graphml read the GEXF and GraphML files, Python's csv module the
nodes.csv and edges.csv of the ZIP (German and English dialect). Every node, tie and attribute
value must equal the JSON export's; GEXF's viz elements must carry the layout (position), the
size by partners of the network view and the colour by kind of the dashboard's palette (docs/network-files.md).

Usage: /usr/bin/python3 compare-network-files.py <dir> <palette.ts> <network-view/model.ts>
  <dir> holds network.json, network.gexf, network.graphml, network-de.zip, network-en.zip.
Prints one line per check and "ok"; exits 1 with the differences otherwise.
"""
import csv
import io
import json
import math
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

import networkx as nx
from networkx.readwrite.gexf import GEXF

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
# networkx knows the namespaces of GEXF 1.1draft and 1.2draft only; 1.3 reads the same way for
# what these files use (static attributes, viz color/size/position).
GEXF.versions["1.3"] = {
    "NS_GEXF": GEXF_NS,
    "NS_VIZ": VIZ_NS,
    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
    "SCHEMALOCATION": f"{GEXF_NS} {GEXF_NS}/gexf.xsd",
    "VERSION": "1.3",
}

# Keys of a JSON node that are not attributes in the files: the node's id, its name (the label)
# and, in GEXF, the position (viz:position).
NOT_ATTRIBUTES = {"id", "organisationId", "name"}
POSITION = {"x", "y"}
TYPES = {"integer": int, "int": int, "double": float, "boolean": bool, "string": str}

problems = []


def check(ok, message):
    if not ok:
        problems.append(message)
        if len(problems) > 50:
            finish()


def finish():
    if problems:
        print("\n".join(problems[:50]))
        print(f"{len(problems)} differences")
        sys.exit(1)
    print("ok")
    sys.exit(0)


def same(a, b):
    """Equal values; numbers exactly (the files write the shortest round-trip form)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return a == b


def expected_attributes(node, with_position):
    skip = NOT_ATTRIBUTES | (set() if with_position else POSITION)
    return {k: v for k, v in node.items() if k not in skip and v is not None}


def compare_graph(fmt, g, data, node_key, with_position, declared):
    """g: a networkx graph read from a file; declared: attribute name → declared type."""
    nodes = {node_key(n["id"]): n for n in data["nodes"]}
    check(set(g.nodes) == set(nodes), f"{fmt}: node ids differ: {sorted(set(g.nodes) ^ set(nodes))[:10]}")
    for key, n in nodes.items():
        if key not in g.nodes:
            continue
        got = {k: v for k, v in g.nodes[key].items() if k not in ("label", "viz")}
        want = expected_attributes(n, with_position)
        check(g.nodes[key].get("label") == n["name"], f"{fmt}: node {n['id']} label {g.nodes[key].get('label')!r} != {n['name']!r}")
        check(set(got) == set(want), f"{fmt}: node {n['id']} attributes differ: file has {sorted(set(got) - set(want))}, lacks {sorted(set(want) - set(got))}")
        for k in set(got) & set(want):
            check(same(got[k], want[k]), f"{fmt}: node {n['id']} {k}: {got[k]!r} != {want[k]!r}")
            t = TYPES[declared[k]]
            check(type(got[k]) is t, f"{fmt}: node {n['id']} {k} read as {type(got[k]).__name__}, declared {declared[k]}")
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    got_edges = {tuple(sorted((int(str(u).lstrip("n")), int(str(v).lstrip("n"))))): d for u, v, d in g.edges(data=True)}
    check(set(got_edges) == set(edges), f"{fmt}: ties differ: {sorted(set(got_edges) ^ set(edges))[:10]}")
    for pair, e in edges.items():
        d = got_edges.get(pair)
        if d is None:
            continue
        want = {k: v for k, v in e.items() if k not in ("source", "target")}
        want["layer"] = "cooperation"
        got = {k: v for k, v in d.items() if k != "id"}
        check(set(got) == set(want), f"{fmt}: tie {pair} attributes differ: {sorted(set(got) ^ set(want))}")
        for k in set(got) & set(want):
            check(same(got[k], want[k]), f"{fmt}: tie {pair} {k}: {got[k]!r} != {want[k]!r}")
    print(f"{fmt}: {g.number_of_nodes()} nodes, {g.number_of_edges()} ties compared")


def palette(path):
    text = open(path, encoding="utf-8").read()
    block = lambda name: text[text.index(f"export const {name}") :].split("};", 1)[0]
    okabe = dict(re.findall(r'(\w+): "#([0-9A-Fa-f]{6})"', block("OKABE_ITO")))
    kinds = {k: okabe[v] for k, v in re.findall(r"(\w+): OKABE_ITO\.(\w+)", block("KIND_COLOURS"))}
    rgb = lambda h: {"r": int(h[0:2], 16), "g": int(h[2:4], 16), "b": int(h[4:6], 16)}
    return {k: rgb(v) for k, v in kinds.items()}, rgb(okabe["grey"])


def radius_rule(path):
    """The network view's radius by partners: (MIN_RADIUS, MAX_RADIUS) of its model."""
    text = open(path, encoding="utf-8").read()
    value = lambda name: float(re.search(rf"export const {name} = ([0-9.]+);", text).group(1))
    return value("MIN_RADIUS"), value("MAX_RADIUS")


def check_viz(raw, data, kind_colours, grey, radii):
    root = ET.fromstring(raw)
    check(root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.3", f"gexf: root {root.tag} version {root.get('version')}")
    most = max([n.get("degree") or 0 for n in data["nodes"]] + [1])
    by_id = {str(n["id"]): n for n in data["nodes"]}
    positions = 0
    for el in root.iter(f"{{{GEXF_NS}}}node"):
        n = by_id[el.get("id")]
        color, size, pos = (el.find(f"{{{VIZ_NS}}}{t}") for t in ("color", "size", "position"))
        check(color is not None and size is not None, f"gexf: node {n['id']} lacks viz:color or viz:size")
        if color is None or size is None:
            continue
        want = kind_colours.get(n["kind"], grey)
        check({c: int(color.get(c)) for c in "rgb"} == want, f"gexf: node {n['id']} ({n['kind']}) colour {color.attrib} != {want}")
        want_size = radii[0] + (radii[1] - radii[0]) * math.sqrt((n.get("degree") or 0) / most)
        check(abs(float(size.get("value")) - want_size) < 1e-9, f"gexf: node {n['id']} size {size.get('value')} != {want_size}")
        if n["x"] is None:
            check(pos is None, f"gexf: node {n['id']} has a position but no layout")
        else:
            check(pos is not None and float(pos.get("x")) == n["x"] and float(pos.get("y")) == n["y"], f"gexf: node {n['id']} position {pos is not None and pos.attrib} != ({n['x']}, {n['y']})")
            positions += 1
    check(positions > 0, "gexf: no node has a viz:position")
    print(f"gexf viz: colour, size and position of {len(by_id)} nodes checked ({positions} positioned)")


def from_cell(text, want, column, locale):
    """The CSV cell read back as the JSON value's type would be."""
    if text == "":
        return None
    if isinstance(want, bool):
        return {"ja": True, "nein": False, "yes": True, "no": False}.get(text, text)
    if isinstance(want, (int, float)):
        return float(text.replace(",", ".")) if locale == "de" else float(text)
    if column in ("firstCooperation", "lastCooperation", "firstDate", "lastDate") and locale == "de":
        d, m, y = text.split(".")
        return f"{y}-{m}-{d}"
    # Text a spreadsheet would run as a formula carries a leading apostrophe.
    return text[1:] if text.startswith("'") and re.match(r"[=+\-@\t\r]", text[1:2] or " ") else text


def compare_zip(raw, data, locale):
    z = zipfile.ZipFile(io.BytesIO(raw))
    check(sorted(z.namelist()) == ["edges.csv", "nodes.csv"], f"zip {locale}: files {z.namelist()}")
    delimiter = ";" if locale == "de" else ","
    read = lambda name: list(csv.DictReader(io.StringIO(z.read(name).decode("utf-8-sig"), newline=""), delimiter=delimiter))
    rows = {int(r["id"]): r for r in read("nodes.csv")}
    nodes = {n["id"]: n for n in data["nodes"]}
    check(set(rows) == set(nodes), f"zip {locale}: node ids differ")
    for i, n in nodes.items():
        r = rows.get(i)
        if r is None:
            continue
        check(from_cell(r["label"], n["name"], "label", locale) == n["name"], f"zip {locale}: node {i} label {r['label']!r} != {n['name']!r}")
        want = expected_attributes(n, True)
        filled = {k for k, v in r.items() if v != "" and k not in ("id", "label")}
        check(filled == set(want), f"zip {locale}: node {i} attributes differ: file has {sorted(filled - set(want))}, lacks {sorted(set(want) - filled)}")
        for k in filled & set(want):
            got = from_cell(r[k], want[k], k, locale)
            check(same(got, want[k]), f"zip {locale}: node {i} {k}: {r[k]!r} != {want[k]!r}")
    ties = {(int(r["source"]), int(r["target"])): r for r in read("edges.csv")}
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    check(set(ties) == set(edges), f"zip {locale}: ties differ")
    for pair, e in edges.items():
        r = ties.get(pair)
        if r is None:
            continue
        check(r["layer"] == "cooperation", f"zip {locale}: tie {pair} layer {r['layer']!r}")
        for k, v in e.items():
            if k in ("source", "target"):
                continue
            check(same(from_cell(r[k], v, k, locale), v), f"zip {locale}: tie {pair} {k}: {r[k]!r} != {v!r}")
    print(f"zip {locale}: {len(rows)} nodes, {len(ties)} ties compared")


def declared_gexf(raw):
    root = ET.fromstring(raw)
    attrs = root.find(f"{{{GEXF_NS}}}graph/{{{GEXF_NS}}}attributes[@class='node']")
    return {a.get("title"): a.get("type") for a in attrs}


def declared_graphml(raw):
    root = ET.fromstring(raw)
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    return {k.get("attr.name"): k.get("attr.type") for k in root.iter(f"{ns}key") if k.get("for") == "node"}


def main():
    folder, palette_path, model_path = sys.argv[1], sys.argv[2], sys.argv[3]
    data = json.load(open(f"{folder}/network.json", encoding="utf-8"))
    check(len(data["nodes"]) > 0 and len(data["edges"]) > 0, "the JSON export is empty")
    gexf_raw = open(f"{folder}/network.gexf", "rb").read()
    graphml_raw = open(f"{folder}/network.graphml", "rb").read()
    gexf_types = declared_gexf(gexf_raw)
    graphml_types = declared_graphml(graphml_raw)
    for name, want in (("community", "integer"), ("degree", "integer"), ("isPublic", "boolean"), ("inScope", "boolean"), ("betweenness", "double"), ("field", "string"), ("industry", "string")):
        check(gexf_types.get(name) == want, f"gexf: {name} declared {gexf_types.get(name)}, not {want}")
        check(graphml_types.get(name) == {"integer": "int"}.get(want, want), f"graphml: {name} declared {graphml_types.get(name)}")
    # Every node names its field or industry where the organisation has one; partners have communities too.
    outside = [n for n in data["nodes"] if not n["inScope"]]
    check(all("field" in n and "industry" in n and "community" in n for n in data["nodes"]), "JSON: a node lacks field, industry or community")
    check(any(n["community"] is not None for n in outside) or not outside, "JSON: no outside partner has a community")
    check(any(n["field"] for n in data["nodes"]) and any(n["industry"] for n in data["nodes"]), "JSON: no field or no industry at all")
    print(f"json: {len(data['nodes'])} nodes ({len(outside)} outside partners), {len(data['edges'])} ties")

    compare_graph("gexf", nx.read_gexf(io.BytesIO(gexf_raw)), data, str, False, gexf_types)
    kind_colours, grey = palette(palette_path)
    check_viz(gexf_raw, data, kind_colours, grey, radius_rule(model_path))
    compare_graph("graphml", nx.read_graphml(io.BytesIO(graphml_raw)), data, lambda i: f"n{i}", True, graphml_types)
    for locale in ("de", "en"):
        compare_zip(open(f"{folder}/network-{locale}.zip", "rb").read(), data, locale)
    finish()


main()
