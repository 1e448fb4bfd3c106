# Writes tests/meta-analysis/metafor-reference.ts: expected numbers from R's metafor, each
# block headed by the exact call that produced it. Run from the repository root:
#   Rscript tests/meta-analysis/metafor-reference.R > tests/meta-analysis/metafor-reference.ts
# (R 4.2.2, metafor 3.8-1.)
suppressPackageStartupMessages(library(metafor))
num <- function(x) if (is.null(x) || is.na(x)) "null" else if (is.infinite(x)) (if (x > 0) "Infinity" else "-Infinity") else sprintf("%.17g", x)
vec <- function(x) paste0("[", paste(vapply(unname(x), num, ""), collapse = ", "), "]")
out <- character()
put <- function(...) out <<- c(out, paste0(...))
field <- function(ind, name, x) put(strrep(" ", ind), name, ": ", if (length(x) == 1 && !is.character(x)) num(x) else if (is.character(x)) paste0("[", paste0("'", x, "'", collapse = ", "), "]") else vec(x), ",")
fit_block <- function(ind, key, call, res, extra = NULL) {
  put(strrep(" ", ind), "// ", call)
  put(strrep(" ", ind), key, ": {")
  i <- ind + 2
  field(i, "beta", c(res$beta)); field(i, "se", res$se); field(i, "stat", res$zval); field(i, "p", res$pval)
  field(i, "ci_lb", res$ci.lb); field(i, "ci_ub", res$ci.ub); field(i, "tau2", res$tau2)
  field(i, "se_tau2", res$se.tau2); field(i, "I2", res$I2); field(i, "H2", res$H2)
  field(i, "QE", res$QE); field(i, "QEp", res$QEp); field(i, "QM", res$QM); field(i, "QMp", res$QMp)
  if (!is.null(res$R2)) field(i, "R2", res$R2)
  field(i, "weights_pct", weights(res))
  if (!is.null(extra)) extra(i, res)
  put(strrep(" ", ind), "},")
}
pred_extra <- function(i, res) {
  p <- predict(res)
  put(strrep(" ", i), "// predict(res)"); field(i, "pi", c(p$pi.lb, p$pi.ub))
  p <- predict(res, pi.type = "riley")
  put(strrep(" ", i), "// predict(res, pi.type = \"riley\")"); field(i, "pi_riley", c(p$pi.lb, p$pi.ub))
}
confint_extra <- function(i, res) {
  ci <- confint(res, control = list(tol = 1e-12))$random
  put(strrep(" ", i), "// confint(res, control = list(tol = 1e-12))$random: tau^2, I^2 (%), H^2 bounds")
  field(i, "tau2_ci", ci[1, 2:3]); field(i, "I2_ci", ci[3, 2:3]); field(i, "H2_ci", ci[4, 2:3])
  ci0 <- confint(res)
  put(strrep(" ", i), "// confint(res)$random[1, 2:3] with metafor's default uniroot tolerance (about 1.2e-4 in tau^2); ci.null")
  field(i, "tau2_ci_default", ci0$random[1, 2:3])
  put(strrep(" ", i), "ci_null: ", tolower(as.character(ci0$ci.null)), ",")
}
l1o_extra <- function(i, res) {
  l <- leave1out(res)
  put(strrep(" ", i), "// leave1out(res)")
  put(strrep(" ", i), "leave1out: {")
  for (n in c("estimate", "se", "pval", "ci.lb", "ci.ub", "Q", "Qp", "tau2", "I2", "H2")) field(i + 2, gsub(".", "_", n, fixed = TRUE), l[[n]])
  put(strrep(" ", i), "},")
}
cumul_extra <- function(i, res) {
  l <- cumul(res, order = year)
  put(strrep(" ", i), "// cumul(res, order = year) (its p-values are named pvals)")
  put(strrep(" ", i), "cumul: {")
  l$pval <- l$pvals
  for (n in c("estimate", "se", "pval", "ci.lb", "ci.ub", "Q", "Qp", "tau2", "I2", "H2")) field(i + 2, gsub(".", "_", n, fixed = TRUE), l[[n]])
  put(strrep(" ", i), "},")
}
all_extra <- function(cumul = TRUE) function(i, res) { pred_extra(i, res); confint_extra(i, res); l1o_extra(i, res); if (cumul) cumul_extra(i, res) }

data_block <- function(name, df, comment) {
  put("/** ", comment, " */")
  put("export const ", name, " = {")
  put("  data: {")
  for (n in names(df)) field(4, n, df[[n]])
  put("  },")
}
escalc_block <- function(call, dat) {
  put("  // ", call)
  put("  escalc: {"); field(4, "yi", c(dat$yi)); field(4, "vi", c(dat$vi)); put("  },")
}
four_fits <- function(dat, extra) {
  put("  fits: {")
  for (m in c("REML", "DL")) for (t in c("z", "knha")) {
    res <- rma(yi, vi, data = dat, method = m, test = t)
    fit_block(4, paste0(m, "_", t), sprintf('res <- rma(yi, vi, data = dat, method = "%s", test = "%s")', m, t), res, extra)
  }
  res <- rma(yi, vi, data = dat, method = "FE")
  fit_block(4, "FE", 'res <- rma(yi, vi, data = dat, method = "FE")', res)
  put("  },")
}

put("/**")
put(" * Expected numbers from R 4.2.2 with metafor 3.8-1, written by tests/meta-analysis/metafor-reference.R")
put(" * (Rscript tests/meta-analysis/metafor-reference.R > tests/meta-analysis/metafor-reference.ts).")
put(" * Every block names the exact R call above it; numbers are printed with sprintf('%.17g').")
put(" * I2, R2 and weights are in percent, as metafor prints them. Do not edit by hand.")
put(" */")
put("")

# (a) IPS-like trials: SYNTHETIC numbers, invented within the ranges of the published IPS trials
ips <- data.frame(
  study = c("Synthetic A", "Synthetic B", "Synthetic C", "Synthetic D", "Synthetic E", "Synthetic F", "Synthetic G", "Synthetic H"),
  year = c(1999, 2004, 2007, 2007, 2012, 2015, 2019, 2020),
  ai = c(39, 52, 28, 85, 16, 28, 85, 24), n1i = c(76, 103, 75, 156, 110, 61, 227, 50),
  ci = c(11, 23, 14, 43, 14, 6, 49, 4), n2i = c(76, 101, 75, 156, 109, 55, 181, 46),
  epl = c(0.26, 0.26, 0.92, 2.4, 1.2, 2.5, 2.3, 2.3),
  region = c("north_america", "north_america", "north_america", "europe", "europe", "europe", "europe", "europe"))
data_block("IPS", ips, "SYNTHETIC IPS-like trials (invented counts in the ranges of published IPS trials, not real studies): employed at follow-up, IPS (ai of n1i) vs control (ci of n2i); epl an employment-protection index.")
dat <- escalc(measure = "RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = ips)
escalc_block('dat <- escalc(measure = "RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = ips)', dat)
four_fits(dat, all_extra(TRUE))
put("  mods: {")
for (spec in list(c("epl", "~ epl", "2.3"), c("epl_year", "~ epl + year", "c(2.3, 2019)"), c("region", "~ region", "1"))) {
  for (t in c("knha", "z")) {
    call <- sprintf('res <- rma(yi, vi, mods = %s, data = dat, method = "REML", test = "%s")', spec[2], t)
    res <- eval(parse(text = call))
    fit_block(4, paste0(spec[1], "_", t), call, res, function(i, res) {
      field(i, "QMdf", res$QMdf)
      p <- eval(parse(text = sprintf("predict(res, newmods = %s)", spec[3])))
      put(strrep(" ", i), sprintf("// predict(res, newmods = %s)", spec[3])); field(i, "pred", c(p$pred, p$se, p$ci.lb, p$ci.ub, p$pi.lb, p$pi.ub))
    })
  }
}
put("  },")
put("} as const;")
put("")

# (b) two studies
two <- ips[7:8, ]
data_block("TWO", two, "Two studies (Synthetic G and H of IPS).")
dat <- escalc(measure = "RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = two)
escalc_block('dat <- escalc(measure = "RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = two)', dat)
four_fits(dat, function(i, res) { pred_extra(i, res); confint_extra(i, res); l1o_extra(i, res) })
put("} as const;")
put("")

# (c) homogeneous: tau^2 estimated as 0 by both estimators
homog <- data.frame(study = paste("Homogeneous", 1:5), year = c(2001, 2003, 2005, 2007, 2009),
  ai = c(30, 52, 20, 61, 19), n1i = c(100, 150, 80, 190, 60), ci = c(20, 33, 16, 41, 10), n2i = c(100, 148, 78, 195, 61))
data_block("HOMOGENEOUS", homog, "SYNTHETIC studies that agree closely: tau^2 is estimated as 0 (Q below its df).")
dat <- escalc(measure = "RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = homog)
escalc_block('dat <- escalc(measure = "RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = homog)', dat)
four_fits(dat, all_extra(TRUE))
put("} as const;")
put("")

# (c2) identical risk ratios: Q = 0, the Q-profile interval is empty
same <- data.frame(study = paste("Identical", 1:4), year = c(2001, 2002, 2003, 2004),
  ai = c(30, 60, 45, 15), n1i = c(100, 200, 150, 50), ci = c(20, 40, 30, 10), n2i = c(100, 200, 150, 50))
data_block("IDENTICAL", same, "SYNTHETIC studies with the same risk ratio 1.5: Q = 0, so even tau^2 = 0 is outside the Q-profile interval.")
dat <- escalc(measure = "RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = same)
escalc_block('dat <- escalc(measure = "RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = same)', dat)
put("  fits: {")
res <- rma(yi, vi, data = dat, method = "REML", test = "knha")
fit_block(4, "REML_knha", 'res <- rma(yi, vi, data = dat, method = "REML", test = "knha")', res, function(i, res) { pred_extra(i, res); confint_extra(i, res) })
put("  },")
put("} as const;")
put("")

# (d) zero events in one arm
zero <- data.frame(study = c("Zero control", "All employed IPS", "Z3", "Z4", "Z5", "Z6"), year = c(2010, 2011, 2012, 2013, 2014, 2015),
  ai = c(7, 12, 20, 33, 9, 41), n1i = c(32, 12, 64, 90, 40, 120), ci = c(0, 6, 11, 20, 8, 25), n2i = c(30, 11, 60, 88, 41, 118))
data_block("ZERO_CELL", zero, "SYNTHETIC studies, one with no events in the control arm and one where everybody in the IPS arm was employed (both get 0.5 added to every cell).")
dat <- escalc(measure = "RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = zero)
escalc_block('dat <- escalc(measure = "RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = zero)', dat)
four_fits(dat, all_extra(FALSE))
put("} as const;")
put("")

# double zero studies
dz <- data.frame(ai = c(0, 5, 10), n1i = c(20, 40, 10), ci = c(0, 3, 12), n2i = c(25, 41, 12))
put("/** Double-zero and all-events tables, with metafor's default drop00 = FALSE and with drop00 = TRUE. */")
put("export const DOUBLE_ZERO = {")
put("  data: {"); for (n in names(dz)) field(4, n, dz[[n]]); put("  },")
d1 <- escalc(measure = "RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dz)
put("  // escalc(measure = \"RR\", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dz)")
put("  keep: {"); field(4, "yi", c(d1$yi)); field(4, "vi", c(d1$vi)); put("  },")
d2 <- escalc(measure = "RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dz, drop00 = TRUE)
put("  // escalc(measure = \"RR\", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dz, drop00 = TRUE): NA = dropped")
put("  drop: {"); field(4, "yi", c(d2$yi)); field(4, "vi", c(d2$vi)); put("  },")
put("} as const;")
put("")

# (f) dat.bcg, metafor's own worked example
data_block("BCG", dat.bcg[, c("author", "year", "tpos", "tneg", "cpos", "cneg", "ablat")], "metafor's example data dat.bcg (Colditz et al. 1994, JAMA 271:698): BCG vaccine and tuberculosis, 13 trials.")
dat <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
escalc_block('dat <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)', dat)
four_fits(dat, all_extra(TRUE))
put("  mods: {")
for (spec in list(c("ablat", "~ ablat", "40"), c("ablat_year", "~ ablat + year", "c(40, 1970)"))) {
  for (t in c("knha", "z")) {
    call <- sprintf('res <- rma(yi, vi, mods = %s, data = dat, method = "REML", test = "%s")', spec[2], t)
    res <- eval(parse(text = call))
    fit_block(4, paste0(spec[1], "_", t), call, res, function(i, res) {
      field(i, "QMdf", res$QMdf)
      p <- eval(parse(text = sprintf("predict(res, newmods = %s)", spec[3])))
      put(strrep(" ", i), sprintf("// predict(res, newmods = %s)", spec[3])); field(i, "pred", c(p$pred, p$se, p$ci.lb, p$ci.ub, p$pi.lb, p$pi.ub))
    })
  }
}
call <- 'res <- rma(yi, vi, mods = ~ ablat, data = dat, method = "DL", test = "knha")'
res <- eval(parse(text = call)); fit_block(4, "ablat_DL_knha", call, res, function(i, res) field(i, "QMdf", res$QMdf))
put("  },")
put("} as const;")
put("")

# Extreme heterogeneity: the Q-profile upper bound lies beyond the search range
put("/** Made-up effects far apart with small variances: the upper bound of tau^2 lies above metafor's search limit max(100, 10 tau^2). */")
put("export const EXTREME = {")
dat <- data.frame(yi = c(-30, 30, 5), vi = c(0.01, 0.02, 0.03))
put("  // dat <- data.frame(yi = c(-30, 30, 5), vi = c(0.01, 0.02, 0.03))")
put("  escalc: {"); field(4, "yi", dat$yi); field(4, "vi", dat$vi); put("  },")
put("  fits: {")
res <- rma(yi, vi, data = dat, method = "REML", test = "z")
fit_block(4, "REML_z", 'res <- rma(yi, vi, data = dat, method = "REML", test = "z")', res, function(i, res) {
  confint_extra(i, res)
  ci0 <- confint(res); put(strrep(" ", i), "ub_sign: '", ci0$ub.sign, "',")
})
put("  },")
put("} as const;")
put("")

# Evidence given as a risk ratio with its 95% interval
put("/** IPS plus a study reported only as RR 1.63 (95% CI 1.46 to 1.82): yi = log(1.63), sei from the interval width. */")
put("export const WITH_INTERVAL = {")
ips2 <- escalc(measure = "RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = ips)
ips2 <- rbind(ips2[, c("yi", "vi")], data.frame(yi = log(1.63), vi = ((log(1.82) - log(1.46)) / (2 * qnorm(0.975)))^2))
put("  // dat <- rbind(escalc(...IPS...)[, c(\"yi\", \"vi\")], data.frame(yi = log(1.63), vi = ((log(1.82) - log(1.46)) / (2 * qnorm(0.975)))^2))")
put("  escalc: {"); field(4, "yi", ips2$yi); field(4, "vi", ips2$vi); put("  },")
put("  fits: {")
dat <- ips2
res <- rma(yi, vi, data = dat, method = "REML", test = "knha")
fit_block(4, "REML_knha", 'res <- rma(yi, vi, data = dat, method = "REML", test = "knha")', res, function(i, res) { pred_extra(i, res); confint_extra(i, res) })
res <- rma(yi, vi, data = dat, method = "DL", test = "knha")
fit_block(4, "DL_knha", 'res <- rma(yi, vi, data = dat, method = "DL", test = "knha")', res, pred_extra)
res <- rma(yi, vi, data = dat, method = "FE")
fit_block(4, "FE", 'res <- rma(yi, vi, data = dat, method = "FE")', res)
put("  },")
put("} as const;")

cat(out, sep = "\n")
