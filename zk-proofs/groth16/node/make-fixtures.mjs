// Generates Groth16 fixtures with the real zokrates-js (pinned in package.json):
// for each circuit in ./circuits and each curve (bn128, bls12_381): compile, setup, prove,
// check with zokrates-js' own verifier, and write proof.json + verification.key.json
// (ZoKrates' formats) under OUT/<circuit>/<curve>/.
// Usage: node make-fixtures.mjs OUT
import { initialize, metadata } from "zokrates-js";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? join(here, "../src/test/resources/zokrates");
const src = (name) => readFileSync(join(here, "circuits", name + ".zok"), "utf8");
const curves = ["bn128", "bls12_381"];
const DEPTH = 8;

function merkleArgs(zok) {
  const leaf = "123456789";
  const right = Array.from({ length: DEPTH }, (_, i) => i % 3 === 1);
  const siblings = Array.from({ length: DEPTH }, (_, i) => String(1000 + 17 * i));
  const helper = zok.compile(src("merkle_root"));
  const root = JSON.parse(zok.computeWitness(helper, [leaf, right, siblings]).output);
  return [root, leaf, right, siblings];
}

const circuits = {
  cubic: () => ["3", "35"],
  merkle: merkleArgs,
  multi: () => ["7", "11", "508", "10", "100", "71"],
};

const log = (m) => process.stderr.write(m + "\n");
const provider = await initialize();
log(`zokrates-js ${metadata.version}`);
for (const curve of curves) {
  const zok = provider.withOptions({ backend: "ark", curve, scheme: "g16" });
  for (const [name, argsOf] of Object.entries(circuits)) {
    const t0 = Date.now();
    const artifacts = zok.compile(src(name));
    const args = argsOf(zok);
    const { witness } = zok.computeWitness(artifacts, args);
    const keys = zok.setup(artifacts.program);
    const t1 = Date.now();
    const proof = zok.generateProof(artifacts.program, witness, keys.pk);
    const t2 = Date.now();
    if (!zok.verify(keys.vk, proof)) {
      throw new Error(`zokrates-js rejected its own proof for ${name}/${curve}`);
    }
    const t3 = Date.now();
    const dir = join(out, name, curve);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "proof.json"), JSON.stringify(proof, null, 2) + "\n");
    writeFileSync(join(dir, "verification.key.json"), JSON.stringify(keys.vk, null, 2) + "\n");
    writeFileSync(join(dir, "circuit.zok"), src(name));
    log(`${name}/${curve}: ${artifacts.constraintCount ?? "?"} constraints, ` +
        `compile+setup ${t1 - t0} ms, prove ${t2 - t1} ms, js verify ${t3 - t2} ms, ` +
        `${proof.inputs.length} public inputs`);
  }
}
