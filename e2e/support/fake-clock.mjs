// Preloaded (`node --import`) into a server an end-to-end test runs on another day: every clock
// of the process (Date, so chinaToday() and the embedded database's now()) reads WV_E2E_NOW plus
// the real time elapsed since start. Test-only; nothing in src/ knows about it.
const target = Date.parse(process.env.WV_E2E_NOW ?? "");
if (Number.isFinite(target)) {
  const RealDate = Date;
  const offset = target - RealDate.now();
  class ShiftedDate extends RealDate {
    /** @param {[] | [string | number | Date]} args */
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = /** @type {DateConstructor} */ (/** @type {unknown} */ (ShiftedDate));
}
