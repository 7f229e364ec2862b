/* A header of the program itself (not a system header). */
static inline int local_twice(int x) { return x * 2; }
