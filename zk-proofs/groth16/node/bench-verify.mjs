// Times zokrates-js' own verify on the committed fixtures, to compare with the Java verifier in
// the same (shared, noisy) conditions. Usage: node bench-verify.mjs [iterations]
import { initialize } from "zokrates-js";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, "../src/test/resources/zokrates");
const n = Number(process.argv[2] ?? 50);
const provider = await initialize();
for (const fx of ["merkle/bn128", "merkle/bls12_381", "multi/bn128", "multi/bls12_381"]) {
  const vk = JSON.parse(readFileSync(join(dir, fx, "verification.key.json"), "utf8"));
  const proof = JSON.parse(readFileSync(join(dir, fx, "proof.json"), "utf8"));
  const zok = provider.withOptions({ backend: "ark", curve: proof.curve, scheme: "g16" });
  for (let i = 0; i < 5; i++) zok.verify(vk, proof);
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    if (!zok.verify(vk, proof)) throw new Error("rejected " + fx);
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e6 / n;
  const cpu = process.cpuUsage(cpu0);
  console.log(`${fx}: zokrates-js verify ${wall.toFixed(2)} ms wall, ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms cpu`);
}
