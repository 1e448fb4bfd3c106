# Reference timing for `npm run bench`: the core analyses of an ips-rct trial, done the way
# a careful R user would (data.table's fread, glm, survival, lm), on the same CSV files and
# plan the pipeline reads. It writes no report; it exists so the bench can measure the
# pipeline's time against R's on the same machine, in the same run.
#
#   Rscript bench/reference.R DATA_DIR PLAN_FILE B
#
# B is both the number of bootstrap resamples (stratified by arm) and of permutations
# (arms permuted within each stratum) of the unadjusted risk difference at the primary
# timepoint. Needs the data.table, survival and jsonlite packages.
#
# Prints to stdout, one per line:
#   TIMING <step> <milliseconds>      each step, then "total" (excluding R's own start-up)
#   RESULT <name> <value>             a few estimates, so the bench can check that both
#                                     programs analysed the same data the same way
#   VERSION <what> <version>
# Definitions follow the README / design notes: a month without a registry row is
# unobserved (not "not employed"); withdrawn participants are not analysed.

suppressPackageStartupMessages({
  library(data.table)
  library(survival)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3L) {
  cat("usage: Rscript bench/reference.R DATA_DIR PLAN_FILE B\n", file = stderr())
  quit(status = 2L)
}
data_dir <- args[[1L]]
plan <- fromJSON(args[[2L]], simplifyVector = TRUE)
B <- as.integer(args[[3L]])
if (is.na(B) || B < 1L) stop("B must be a whole number of at least 1")

cat(sprintf("VERSION %s %s\n", c("R", "data.table", "survival"),
            c(paste(R.version$major, R.version$minor, sep = "."), as.character(packageVersion("data.table")), as.character(packageVersion("survival")))), sep = "")

started <- proc.time()[["elapsed"]]
step_start <- started
timing <- function(step) {
  now <- proc.time()[["elapsed"]]
  cat(sprintf("TIMING %s %.0f\n", step, 1000 * (now - step_start)))
  step_start <<- now
}
result <- function(name, value) cat(sprintf("RESULT %s %.10g\n", name, value))

set.seed(plan$seed)
control <- plan$control_arm
intervention <- setdiff(plan$arms, control)[[1L]]
stratum <- plan$stratification
covariates <- plan$covariates
primary <- plan$primary_timepoint
first_month <- plan$registry_months$first
last_month <- plan$registry_months$last

# ---- read ---------------------------------------------------------------------------------
participants <- fread(file.path(data_dir, "participants.csv"), colClasses = list(character = "participant_id"), na.strings = c("", "NA"))
employment <- fread(file.path(data_dir, "employment.csv"), colClasses = list(character = "participant_id"),
                    select = c("participant_id", "month", "employed"))
questionnaires <- fread(file.path(data_dir, "questionnaires.csv"), colClasses = list(character = "participant_id"))
timing("read")

analysed <- participants[withdrawn == 0L]
analysed[, arm := factor(arm, levels = c(control, intervention))]
analysed[, site := factor(get(stratum))]
for (v in intersect(covariates, c("sex", "education", "diagnosis"))) set(analysed, j = v, value = factor(analysed[[v]]))
setkey(analysed, participant_id)

# ---- employment at the primary timepoint ---------------------------------------------------
if (identical(plan$employment_definition, "any_employment_to_month")) {
  window <- employment[month >= first_month & month <= primary,
                       .(employed = as.integer(any(employed == 1L)), observed = .N), by = participant_id]
  window[employed == 0L & observed < primary - first_month + 1L, employed := NA_integer_]
  at_primary <- window[, .(participant_id, employed)]
} else {
  at_primary <- employment[month == primary, .(participant_id, employed)]
}
cc <- at_primary[analysed, on = "participant_id"][!is.na(employed)]
timing("employment_status")

# ---- unadjusted risk difference ------------------------------------------------------------
y_t <- cc[arm == intervention, employed]
y_c <- cc[arm == control, employed]
rd <- mean(y_t) - mean(y_c)
unadjusted <- prop.test(c(sum(y_t), sum(y_c)), c(length(y_t), length(y_c)), correct = FALSE)
result("risk_difference", rd)
timing("risk_difference")

# ---- adjusted logistic regression (arm + stratum + covariates), LR test of arm ------------
formula_full <- reformulate(c("arm", "site", covariates), response = "employed")
formula_reduced <- reformulate(c("site", covariates), response = "employed")
fit <- glm(formula_full, family = binomial, data = cc)
fit0 <- glm(formula_reduced, family = binomial, data = cc)
lr <- anova(fit0, fit, test = "LRT")
arm_coef <- paste0("arm", intervention)
or_ci <- exp(confint.default(fit, arm_coef))
result("adjusted_odds_ratio", exp(coef(fit)[[arm_coef]]))
timing("logistic_regression")

# ---- time to first job: Kaplan-Meier, log-rank, Cox (Efron) ---------------------------------
in_window <- employment[month >= first_month & month <= last_month]
times <- in_window[, .(first_job = if (any(employed == 1L)) min(month[employed == 1L]) else NA_integer_,
                       last_seen = max(month)), by = participant_id]
times[, `:=`(time = fifelse(is.na(first_job), as.numeric(last_seen), as.numeric(first_job)),
             event = as.integer(!is.na(first_job)))]
surv_data <- times[analysed, on = "participant_id", nomatch = NULL]
km <- survfit(Surv(time, event) ~ arm, data = surv_data)
km_summary <- summary(km)$table
lrk <- survdiff(Surv(time, event) ~ arm, data = surv_data)
cox <- coxph(Surv(time, event) ~ arm, data = surv_data, ties = "efron")
result("hazard_ratio", exp(coef(cox)[[1L]]))
timing("survival")

# ---- ANCOVA per measure and follow-up wave: follow-up ~ arm + baseline + stratum + covariates
waves <- plan$questionnaire_waves
measures <- plan$measures$column
q <- questionnaires[participant_id %in% analysed$participant_id]
baseline <- q[wave == waves[[1L]], c("participant_id", measures), with = FALSE]
setnames(baseline, measures, paste0("baseline_", measures))
ancova <- list()
for (w in waves[-1L]) {
  follow <- baseline[q[wave == w], on = "participant_id"][analysed, on = "participant_id", nomatch = NULL]
  for (m in measures) {
    f <- reformulate(c("arm", paste0("baseline_", m), "site", covariates), response = m)
    model <- lm(f, data = follow)
    ancova[[paste(m, w)]] <- c(coef(model)[[arm_coef]], confint(model, arm_coef))
  }
}
result("ancova_first", ancova[[1L]][[1L]])
timing("ancova")

# ---- bootstrap of the risk difference, resampling within each arm --------------------------
boot <- vapply(seq_len(B), function(b) mean(sample(y_t, replace = TRUE)) - mean(sample(y_c, replace = TRUE)), numeric(1))
boot_ci <- quantile(boot, c(0.025, 0.975), names = FALSE)
result("bootstrap_low", boot_ci[[1L]])
timing("bootstrap")

# ---- permutation test of the risk difference, arms permuted within each stratum ------------
y <- cc$employed
treated <- cc$arm == intervention
by_site <- split(seq_along(y), cc$site)
# Arm sizes are fixed under permutation within sites, so one sum gives both arms' rates.
n_t <- sum(treated)
n_c <- length(y) - n_t
y_total <- sum(y)
perm <- vapply(seq_len(B), function(b) {
  shuffled <- treated
  for (idx in by_site) shuffled[idx] <- treated[idx][sample.int(length(idx))]
  employed_t <- sum(y[shuffled])
  employed_t / n_t - (y_total - employed_t) / n_c
}, numeric(1))
p_perm <- (1 + sum(abs(perm) >= abs(rd) - 1e-12)) / (B + 1)
result("permutation_p", p_perm)
timing("permutation")

step_start <- started
timing("total")
