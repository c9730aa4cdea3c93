// Computes ZoKrates' standard-library Poseidon (hashes/poseidon/poseidon, BN254) for 1 to 6
// inputs with the pinned zokrates-js, as test data for the Java implementation
// (io.pqzk.zk.groth16claims.Poseidon). Output: one line per case, "N in1,in2,... -> out" (decimal).
// Usage: node poseidon-vectors.mjs > ../src/test/resources/groth16claims/poseidon-zokrates.txt
import { initialize, metadata } from "zokrates-js";

const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n; // BN254 scalar field modulus
const zok = (await initialize()).withOptions({ backend: "ark", curve: "bn128", scheme: "g16" });
const big = ["0", "1", "2", "3", "4", "5", (R - 1n).toString(), "123456789012345678901234567890",
  "20250101", "4294967295", "9223372036854775807", "7"];
console.log(`# zokrates-js 1.1.9 (ZoKrates ${metadata.version}), hashes/poseidon/poseidon on bn128`);
for (let n = 1; n <= 6; n++) {
  const src = `import "hashes/poseidon/poseidon" as poseidon;\n` +
    `def main(private field[${n}] x) -> field { return poseidon(x); }\n`;
  const prog = zok.compile(src);
  const cases = [
    Array.from({ length: n }, () => "0"),
    Array.from({ length: n }, (_, i) => String(i + 1)),
    Array.from({ length: n }, (_, i) => big[(i * 5 + n) % big.length]),
    Array.from({ length: n }, () => (R - 1n).toString()),
  ];
  for (const c of cases) {
    const out = JSON.parse(zok.computeWitness(prog, [c]).output);
    console.log(`${n} ${c.join(",")} -> ${BigInt(out).toString()}`);
  }
}
