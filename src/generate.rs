//! Synthetic customers in the demo dataset's schema, for benchmarks and scale tests.
//! (Being written; see the brief.)
