/* A translation unit with nothing to report: its log has no results. */
int clean(int x) { return x + 1; }
