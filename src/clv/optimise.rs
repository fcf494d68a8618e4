//! Maximum-likelihood search shared by the models: argmin's Nelder–Mead simplex on the
//! logarithms of the parameters, restarted from its own optimum until two runs agree, so a fit
//! is deterministic and reports non-convergence instead of returning numbers.

use argmin::core::{CostFunction, Error, Executor, State, TerminationReason, TerminationStatus};
use argmin::solver::neldermead::NelderMead;
use argmin_math::{ArgminAdd, ArgminMul, ArgminSub};

/// A point in log-parameter space (argmin's vector algebra, implemented for our own type so
/// the optimiser needs none of argmin-math's optional backends).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LogPoint(pub Vec<f64>);

impl ArgminAdd<LogPoint, LogPoint> for LogPoint {
    fn add(&self, other: &LogPoint) -> LogPoint {
        LogPoint(self.0.iter().zip(&other.0).map(|(a, b)| a + b).collect())
    }
}

impl ArgminSub<LogPoint, LogPoint> for LogPoint {
    fn sub(&self, other: &LogPoint) -> LogPoint {
        LogPoint(self.0.iter().zip(&other.0).map(|(a, b)| a - b).collect())
    }
}

impl ArgminMul<f64, LogPoint> for LogPoint {
    fn mul(&self, factor: &f64) -> LogPoint {
        LogPoint(self.0.iter().map(|a| a * factor).collect())
    }
}

/// Iterations allowed in one simplex run.
pub(super) const MAX_ITERATIONS: u64 = 20_000;
/// A run stops when the simplex's cost values have this standard deviation (the cost is a mean
/// negative log-likelihood per customer, so this is far below any meaningful difference).
pub(super) const COST_TOLERANCE: f64 = 1e-12;
/// Simplex runs allowed; each restarts at the previous optimum with a fresh simplex.
pub(super) const MAX_RUNS: usize = 6;
/// Two runs whose costs differ by less than this have found the optimum.
const RESTART_AGREEMENT: f64 = 1e-10;
/// Edge length of each fresh simplex, in log-parameter units.
const SIMPLEX_STEP: f64 = 0.5;

/// Where the search ended.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Minimum {
    /// The best log-parameters found.
    pub point: Vec<f64>,
    /// The cost there.
    pub cost: f64,
    /// Simplex iterations over all runs.
    pub iterations: u64,
}

/// Why the search did not converge.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum SearchFailure {
    /// The cost was not finite at the start.
    NotFiniteAtStart,
    /// A simplex run used all its iterations.
    IterationLimit { iterations: u64 },
    /// The runs kept improving without agreeing.
    RunsDisagree { runs: usize, last_change: f64 },
    /// The optimiser itself failed (its message).
    Solver(String),
    /// The optimum lies where a parameter ran to zero or infinity.
    Boundary,
}

impl std::fmt::Display for SearchFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotFiniteAtStart => write!(f, "the likelihood is not finite at the start"),
            Self::IterationLimit { iterations } => {
                write!(f, "the simplex used all {iterations} iterations")
            }
            Self::RunsDisagree { runs, last_change } => write!(
                f,
                "{runs} restarts still changed the likelihood by {last_change:.2e} per customer"
            ),
            Self::Solver(message) => write!(f, "the optimiser failed: {message}"),
            Self::Boundary => write!(f, "a parameter ran to zero or infinity"),
        }
    }
}

struct Objective<'a>(&'a dyn Fn(&[f64]) -> f64);

impl CostFunction for Objective<'_> {
    type Param = LogPoint;
    type Output = f64;

    fn cost(&self, point: &LogPoint) -> Result<f64, Error> {
        let value = (self.0)(&point.0);
        // Nelder–Mead only compares costs; an infinite cost steers it back.
        Ok(if value.is_finite() {
            value
        } else {
            f64::INFINITY
        })
    }
}

/// Minimises `cost` from `start` (log-parameters).
pub(super) fn minimise(
    cost: &dyn Fn(&[f64]) -> f64,
    start: &[f64],
) -> Result<Minimum, SearchFailure> {
    if !cost(start).is_finite() {
        return Err(SearchFailure::NotFiniteAtStart);
    }
    let mut point = start.to_vec();
    let mut best = f64::INFINITY;
    let mut iterations = 0;
    let mut last_change = f64::INFINITY;
    for _ in 0..MAX_RUNS {
        let (next, value, used) = one_run(cost, &point)?;
        iterations += used;
        last_change = best - value;
        point = next;
        let settled = last_change.abs() < RESTART_AGREEMENT;
        best = best.min(value);
        if settled {
            if point.iter().any(|p| p.abs() > 30.0) {
                return Err(SearchFailure::Boundary);
            }
            return Ok(Minimum {
                point,
                cost: best,
                iterations,
            });
        }
    }
    Err(SearchFailure::RunsDisagree {
        runs: MAX_RUNS,
        last_change,
    })
}

fn one_run(
    cost: &dyn Fn(&[f64]) -> f64,
    start: &[f64],
) -> Result<(Vec<f64>, f64, u64), SearchFailure> {
    let mut simplex = vec![LogPoint(start.to_vec())];
    for i in 0..start.len() {
        let mut vertex = start.to_vec();
        vertex[i] += SIMPLEX_STEP;
        simplex.push(LogPoint(vertex));
    }
    let solver = NelderMead::new(simplex)
        .with_sd_tolerance(COST_TOLERANCE)
        .map_err(|e| SearchFailure::Solver(e.to_string()))?;
    let result = Executor::new(Objective(cost), solver)
        .configure(|state| state.max_iters(MAX_ITERATIONS))
        .timer(false)
        .run()
        .map_err(|e| SearchFailure::Solver(e.to_string()))?;
    let state = result.state();
    let iterations = state.get_iter();
    match state.get_termination_status() {
        TerminationStatus::Terminated(TerminationReason::SolverConverged) => {}
        TerminationStatus::Terminated(TerminationReason::MaxItersReached) => {
            return Err(SearchFailure::IterationLimit { iterations });
        }
        other => return Err(SearchFailure::Solver(format!("{other:?}"))),
    }
    let point = state
        .get_best_param()
        .map(|p| p.0.clone())
        .ok_or_else(|| SearchFailure::Solver("no best point".into()))?;
    Ok((point, state.get_best_cost(), iterations))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_minimum_of_a_shifted_bowl() {
        let bowl = |p: &[f64]| (p[0] - 1.0).powi(2) + 3.0 * (p[1] + 0.5).powi(2) + 2.0;
        let min = minimise(&bowl, &[0.0, 0.0]).expect("converges");
        assert!((min.point[0] - 1.0).abs() < 1e-4, "{:?}", min.point);
        assert!((min.point[1] + 0.5).abs() < 1e-4, "{:?}", min.point);
        assert!((min.cost - 2.0).abs() < 1e-10);
    }

    #[test]
    fn an_unbounded_cost_is_reported_not_returned() {
        let slope = |p: &[f64]| p[0];
        assert!(minimise(&slope, &[0.0]).is_err());
        let nan = |_: &[f64]| f64::NAN;
        assert_eq!(minimise(&nan, &[0.0]), Err(SearchFailure::NotFiniteAtStart));
    }
}
