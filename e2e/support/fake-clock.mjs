// Preloaded (`node --import`) into a server an end-to-end test runs on another day: every clock
// of the process (Date, so chinaToday() and the embedded database's now()) reads WV_E2E_NOW plus
// the real time elapsed since start. Test-only; nothing in src/ knows about it. A Proxy rather
// than a subclass, so `Date()` called as a function still works and `instanceof Date` holds.
const target = Date.parse(process.env.WV_E2E_NOW ?? "");
if (Number.isFinite(target)) {
  const RealDate = Date;
  const offset = target - RealDate.now();
  const now = () => RealDate.now() + offset;
  globalThis.Date = new Proxy(RealDate, {
    construct: (real, args, newTarget) => Reflect.construct(real, args.length === 0 ? [now()] : args, newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (real, prop, receiver) => (prop === "now" ? now : Reflect.get(real, prop, receiver)),
  });
}
