// Exact medians from histograms: hours a day and net hourly income are stored as counts per
// value in tenths (hours come in half-hour steps, hourly income is rounded to 0.1 yuan), so
// summing histograms and walking them gives the same median as sorting every report.

export class TenthsHistogram {
  private counts = new Float64Array(512);
  private total = 0;

  /** Adds a sparse histogram: values in tenths (never negative: the form refuses them) and their counts. */
  add(tenths: readonly number[], counts: readonly number[]) {
    for (let i = 0; i < tenths.length; i++) {
      const t = tenths[i]!;
      if (t >= this.counts.length) {
        const grown = new Float64Array(Math.max(t + 1, this.counts.length * 2));
        grown.set(this.counts);
        this.counts = grown;
      }
      this.counts[t]! += counts[i]!;
      this.total += counts[i]!;
    }
  }

  /** percentile_disc(0.5): the first value whose cumulative count reaches half of the total. */
  median(): number | null {
    if (this.total <= 0) return null;
    let seen = 0;
    for (let t = 0; t < this.counts.length; t++) if ((seen += this.counts[t]!) * 2 >= this.total) return t / 10;
    return null;
  }
}
