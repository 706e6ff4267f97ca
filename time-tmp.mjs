import { readFileSync } from "node:fs";
const { finishPdf } = await import("./dist/report/pdf-finish.js");
const raw = readFileSync(process.argv[2]);
const wall = [], cpu = [];
for (let i = 0; i < 9; i++) {
  const t = performance.now(), c = process.cpuUsage();
  await finishPdf(raw, { title: "T", lang: "en-GB", author: "A", subject: "S", created: "2026-11-18T11:06:40.000Z", links: [] });
  const d = process.cpuUsage(c);
  wall.push(performance.now() - t); cpu.push((d.user + d.system) / 1000);
}
const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1].toFixed(0);
console.log("wall median", med(wall), "cpu median", med(cpu), "first", wall[0].toFixed(0), cpu[0].toFixed(0));
