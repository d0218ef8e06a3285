// Formats items.json and citations.json with citeproc-js (the CSL reference processor) in the five
// bundled styles and writes expected/<style>.json, which the Python tests compare against.
// Run: npm install && node make_reference.js   (node_modules is not committed)
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const here = __dirname;
const resources = path.resolve(here, "../../../../resources/csl");
const STYLES = [
  "chicago-author-date",
  "chicago-notes-bibliography",
  "apa",
  "modern-language-association",
  "harvard-cite-them-right",
];
const items = JSON.parse(fs.readFileSync(path.join(here, "items.json"), "utf8"));
const clusters = JSON.parse(fs.readFileSync(path.join(here, "citations.json"), "utf8"));
const byId = Object.fromEntries(items.map((item) => [item.id, item]));

function engineFor(style, format) {
  const sys = {
    retrieveLocale: (lang) => {
      const file = path.join(resources, "locales", `locales-${lang}.xml`);
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
    },
    retrieveItem: (id) => byId[id],
  };
  const xml = fs.readFileSync(path.join(resources, "styles", `${style}.csl`), "utf8");
  const engine = new CSL.Engine(sys, xml, "en-US", true);
  engine.setOutputFormat(format);
  // Every item registered up front, as the catalogue's processor does: disambiguation then sees
  // all of them, and later citations never rewrite earlier ones.
  engine.updateItems(items.map((item) => item.id));
  engine.updateUncitedItems(items.map((item) => item.id));
  return engine;
}

function bibliography(style, format) {
  const engine = engineFor(style, format);
  const [, entries] = engine.makeBibliography();
  return entries.map((entry) =>
    format === "html" ? entry.trim() : entry.replace(/\n$/, "").trim()
  );
}

function citations(style, format) {
  const engine = engineFor(style, format);
  const out = [];
  const previous = [];
  const latest = new Map();
  clusters.forEach((cites, index) => {
    const citation = {
      citationID: `c${index}`,
      citationItems: cites,
      properties: { noteIndex: index + 1 },
    };
    const [, results] = engine.processCitationCluster(citation, previous, []);
    previous.push([`c${index}`, index + 1]);
    for (const [position, text] of results) latest.set(position, text);
  });
  clusters.forEach((_, index) => out.push(latest.get(index)));
  return out;
}

function single(style, format) {
  // Each item cited alone as a first reference.
  const engine = engineFor(style, format);
  return items.map((item) => engine.makeCitationCluster([{ id: item.id }]));
}

fs.mkdirSync(path.join(here, "expected"), { recursive: true });
for (const style of STYLES) {
  const result = {
    style,
    processor: `citeproc-js ${CSL.PROCESSOR_VERSION}`,
    bibliography_text: bibliography(style, "text"),
    bibliography_html: bibliography(style, "html"),
    citations_text: citations(style, "text"),
    single_citations_text: single(style, "text"),
  };
  fs.writeFileSync(
    path.join(here, "expected", `${style}.json`),
    JSON.stringify(result, null, 1) + "\n"
  );
  console.log(style, result.bibliography_text.length, "entries");
}
