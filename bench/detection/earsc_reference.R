# Reference outputs from the real surveillance::earsC, in the format of `ears` (EarsCommand).
# usage: Rscript earsc_reference.R series.csv C1|C2|C3 minSigma [alpha] > reference.csv
# Tested with R 4.2.2 and surveillance 1.20.3 (Debian bookworm: r-base-core, r-cran-surveillance).
suppressPackageStartupMessages(library(surveillance))
args <- commandArgs(trailingOnly = TRUE)
series <- read.csv(args[1], colClasses = c("character", "numeric"))
control <- list(method = args[2], baseline = 7, minSigma = as.numeric(args[3]))
# Like the product: alpha only when given, so earsC picks 0.001 (C1/C2) or 0.025 (C3).
if (length(args) >= 4) control$alpha <- as.numeric(args[4])
res <- earsC(sts(observed = series$count), control = control)
first <- nrow(series) - nrow(res@observed) + 1
out <- data.frame(date = series$date[first:nrow(series)],
                  count = as.vector(res@observed),
                  upperbound = sprintf("%.6f", as.vector(res@upperbound)),
                  alarm = as.integer(as.vector(res@alarm)))
write.csv(out, stdout(), row.names = FALSE, quote = FALSE)
