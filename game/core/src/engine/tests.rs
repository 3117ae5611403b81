//! Engine tests on small scenarios written inline.
