/*
 * options.h - reading one command-line option, shared by the stallcheck
 * command and its subcommands.
 */
#ifndef STALLCHECK_DRIVER_OPTIONS_H
#define STALLCHECK_DRIVER_OPTIONS_H

/* When argv[*i] is option `name` with a value ("--name=value", "--name
 * value", and for a short option "-p value", "-pvalue", "-p=value"), returns
 * the value, advancing *i past a value in the next word.  NULL when it is
 * another option, or (with *missing set) when the value is missing. */
const char *sc_option_value(int argc, char **argv, int *i, const char *name, int *missing);

#endif
