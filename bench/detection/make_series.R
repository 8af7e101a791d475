# Generates the three fixed reference series (run once; the CSVs are committed).
set.seed(58)
days <- function(n) format(as.Date("2025-03-01") + 0:(n - 1), "%Y-%m-%d")
write_series <- function(file, counts) {
  write.csv(data.frame(date = days(length(counts)), count = counts), file, row.names = FALSE, quote = FALSE)
}
# Sparse per-workplace reports: long zero stretches (minSigma matters), then a surge.
sparse <- c(rpois(25, 0.15), 2, 3, 1, 4, 0, 1, rpois(14, 0.2))
# A busier province-level series with variance and a two-week rise.
busy <- c(rpois(30, 6), rpois(8, 6) + c(2, 4, 7, 9, 12, 8, 5, 3), rpois(12, 6))
# Flat baselines: exercise sd = 0 windows, a single report, and a spike inside the guard band.
flat <- c(rep(0, 12), 1, rep(0, 8), 5, 0, 0, 1, 1, 0, rep(2, 10), 6, 2, 2)
write_series("series-sparse.csv", sparse)
write_series("series-busy.csv", busy)
write_series("series-flat.csv", flat)
