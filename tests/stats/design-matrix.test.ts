/**
 * designMatrix against R 4.2's model.matrix with treatment contrasts on
 * droplevels(na.omit(d)) (tests/fixtures/logistic/reference.R prints the R side).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designMatrix, findAliasedColumns } from '../../src/stats/design-matrix.ts';
import { TRIAL_TERMS, trialColumns, trialCsv } from '../fixtures/logistic/trial-data.ts';

describe('designMatrix', () => {
  it('codes treatment contrasts, drops incomplete rows, empty levels and aliased columns, as R', () => {
    // d <- data.frame(arm = c("TVR","IPS","IPS","TVR","IPS","TVR","IPS","TVR","IPS"),
    //                 site = c("A","A","B","B","C","A","A","B","B"),
    //                 age = c(30, NA, 41, 52, 25, 33, 45, 38, 29), y = c(0, 1, 1, 0, 1, 1, 0, 1, 0))
    // d$arm <- factor(d$arm, levels = c("TVR","IPS")); d$site <- factor(d$site, levels = c("A","B","C","D"))  # D: no rows
    // model.matrix(y ~ arm + site + age + arm:site, droplevels(na.omit(d)))
    //   (Intercept) armIPS siteB siteC age armIPS:siteB armIPS:siteC
    // 1           1      0     0     0  30            0            0
    // 3           1      1     1     0  41            1            0
    // 4           1      0     1     0  52            0            0
    // 5           1      1     0     1  25            0            1
    // 6           1      0     0     0  33            0            0
    // 7           1      1     0     0  45            0            0
    // 8           1      0     1     0  38            0            0
    // 9           1      1     1     0  29            1            0
    // Site C has IPS participants only, so armIPS:siteC equals siteC: glm's coefficient for it is NA
    // (coef(glm(y ~ arm + site + age + arm:site, binomial, droplevels(na.omit(d)))) lists it as NA).
    const d = designMatrix(
      {
        arm: ['TVR', 'IPS', 'IPS', 'TVR', 'IPS', 'TVR', 'IPS', 'TVR', 'IPS'],
        site: ['A', 'A', 'B', 'B', 'C', 'A', 'A', 'B', 'B'],
        age: [30, null, 41, 52, 25, 33, 45, 38, 29],
        y: [0, 1, 1, 0, 1, 1, 0, 1, 0],
      },
      {
        response: 'y',
        terms: [
          { name: 'arm', type: 'categorical', levels: ['TVR', 'IPS'] },
          { name: 'site', type: 'categorical', levels: ['A', 'B', 'C', 'D'] },
          { name: 'age', type: 'numeric' },
        ],
        interaction: { a: 'arm', b: 'site' },
      },
    );
    expect(d.rows).toEqual([0, 2, 3, 4, 5, 6, 7, 8]);
    expect(d.droppedRows).toEqual([1]);
    expect(d.levels.site).toEqual(['A', 'B', 'C']);
    expect(d.droppedLevels.site).toEqual(['D']);
    expect(d.aliased).toEqual(['armIPS:siteC']);
    expect(d.columnNames).toEqual(['(Intercept)', 'armIPS', 'siteB', 'siteC', 'age', 'armIPS:siteB']);
    expect(d.X).toEqual([
      [1, 0, 0, 0, 30, 0],
      [1, 1, 1, 0, 41, 1],
      [1, 0, 1, 0, 52, 0],
      [1, 1, 0, 1, 25, 0],
      [1, 0, 0, 0, 33, 0],
      [1, 1, 0, 0, 45, 0],
      [1, 0, 1, 0, 38, 0],
      [1, 1, 1, 0, 29, 1],
    ]);
    expect(d.y).toEqual([0, 1, 0, 1, 1, 0, 1, 0]);
    // everyone under control: arm and the interaction columns recomputed
    expect(d.counterfactual('arm', 'TVR')).toEqual([
      [1, 0, 0, 0, 30, 0],
      [1, 0, 1, 0, 41, 0],
      [1, 0, 1, 0, 52, 0],
      [1, 0, 0, 1, 25, 0],
      [1, 0, 0, 0, 33, 0],
      [1, 0, 0, 0, 45, 0],
      [1, 0, 1, 0, 38, 0],
      [1, 0, 1, 0, 29, 0],
    ]);
    expect(d.counterfactual('arm', 'IPS').map((r) => r[5])).toEqual([0, 1, 1, 0, 0, 0, 1, 1]);
    expect(() => d.counterfactual('site', 'D')).toThrow(/no level 'D'/);
  });

  it('orders interaction columns with the first factor varying fastest, as R', () => {
    // colnames(model.matrix(~ a + b + a:b, d)) with a in x,y,z and b in p,q,r:
    // "(Intercept)" "ay" "az" "bq" "br" "ay:bq" "az:bq" "ay:br" "az:br"
    const d = designMatrix(
      { a: ['x', 'y', 'z', 'x', 'y', 'z', 'x', 'y', 'z', 'x', 'y', 'z'], b: ['p', 'q', 'p', 'q', 'r', 'r', 'p', 'q', 'r', 'r', 'p', 'q'] },
      { terms: [{ name: 'a', type: 'categorical' }, { name: 'b', type: 'categorical' }], interaction: { a: 'a', b: 'b' } },
    );
    expect(d.columnNames).toEqual(['(Intercept)', 'ay', 'az', 'bq', 'br', 'ay:bq', 'az:bq', 'ay:br', 'az:br']);
    expect(d.aliased).toEqual([]);
  });

  it('builds the reference trial design: 196 complete rows of 200', () => {
    // The fixture CSV read by R is the generated data set.
    expect(readFileSync(new URL('../fixtures/logistic/trial.csv', import.meta.url), 'utf8')).toBe(trialCsv());
    const d = designMatrix(trialColumns(), { response: 'employed', terms: TRIAL_TERMS });
    // names(coef(glm(employed ~ arm + site + age + sex, binomial, d))); nobs(fit) = 196
    expect(d.columnNames).toEqual(['(Intercept)', 'armIPS', 'siteB', 'siteC', 'siteD', 'age', 'sexM']);
    expect(d.X.length).toBe(196);
    expect(d.droppedRows).toEqual([6, 33, 71, 150]);
  });

  it('reports constant and single-level terms instead of making a singular matrix', () => {
    const d = designMatrix(
      { y: [0, 1, 0, 1], arm: ['TVR', 'IPS', 'TVR', 'IPS'], dose: [5, 5, 5, 5], site: ['A', 'A', 'A', 'A'] },
      {
        response: 'y',
        terms: [
          { name: 'arm', type: 'categorical', levels: ['TVR', 'IPS'] },
          { name: 'dose', type: 'numeric' },
          { name: 'site', type: 'categorical' },
        ],
      },
    );
    expect(d.columnNames).toEqual(['(Intercept)', 'armIPS']);
    expect(d.aliased).toEqual(['dose']);
    expect(d.singleLevelTerms).toEqual(['site']);
  });

  it('sorts levels numerically when they are numbers and refuses unknown levels', () => {
    const d = designMatrix({ g: [10, 2, 1, 2] }, { terms: [{ name: 'g', type: 'categorical' }] });
    expect(d.levels.g).toEqual(['1', '2', '10']);
    expect(d.columnNames).toEqual(['(Intercept)', 'g2', 'g10']);
    expect(() => designMatrix({ g: ['a', 'b'] }, { terms: [{ name: 'g', type: 'categorical', levels: ['a'] }] })).toThrow(/outside its levels/);
    expect(() => designMatrix({ y: [0, 2] }, { response: 'y', terms: [] })).toThrow(/0\/1/);
    expect(() => designMatrix({ g: ['a'] }, { terms: [{ name: 'g', type: 'categorical' }], interaction: { a: 'g', b: 'h' } })).toThrow(/main effect/);
  });
});

describe('findAliasedColumns', () => {
  it('finds zero columns and combinations of earlier columns, keeping the earlier ones', () => {
    const x = [
      [1, 0, 2, 0, 1],
      [1, 1, 3, 0, 2],
      [1, 0, 2, 0, 7],
      [1, 1, 3, 0, 4],
    ];
    // column 2 = 2·col0 + col1; column 3 is zero
    expect(findAliasedColumns(x, 5)).toEqual([2, 3]);
    expect(findAliasedColumns([[1, 1e-9], [1, 2e-9]], 2)).toEqual([]); // small but not dependent
  });
});
