void process(const char *what);
void report(const char *what);
