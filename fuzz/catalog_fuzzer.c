/*
 * catalog_fuzzer.c - the catalog's argument conditions over arbitrary calls:
 * random conditions, and every real row of the API and registrar tables,
 * against calls whose arguments have any kind, value and spelling a front
 * end (or a facts file) can hand in.  Besides crashes it checks what the
 * conditions promise: an argument is either a null constant or not, and a
 * flag is never both set and lacking.
 */
#include <string.h>

#include "fuzz_util.h"
#include "stallcheck/catalog.h"

/* Names the conditions look for, so that short inputs reach the matches. */
static const char *const words[] = {"stdin", "stdout", "stderr", "O_NONBLOCK", "EV_READ", "MSG_DONTWAIT",
                                    "127.0.0.1", "::1", "~O_NONBLOCK", "&lock", "flags | O_NONBLOCK"};

static char *word_or_string(fuzz_bytes *b) {
  uint8_t pick = fuzz_u8(b);
  if (pick < 2 * (sizeof words / sizeof *words)) return strdup(words[pick % (sizeof words / sizeof *words)]);
  return fuzz_string(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_bytes b = {data, size};
  sc_facts *facts = sc_facts_new("fuzz.c");
  sc_function fn = {.usr = "c:@F@f", .name = "f"};
  sc_facts_add_function(facts, &fn);

  uint32_t nargs = fuzz_u8(&b) % 8;
  sc_arg args[8];
  for (uint32_t i = 0; i < nargs; i++) {
    char *text = word_or_string(&b), *name = word_or_string(&b);
    args[i] = (sc_arg){.kind = (sc_arg_kind)(fuzz_u8(&b) % (SC_ARG_FIELD + 1)),
                       .ival = fuzz_i64(&b),
                       .text = sc_facts_intern(facts, text),
                       .name = sc_facts_intern(facts, name),
                       .param = fuzz_u32(&b)};
    free(text);
    free(name);
  }
  char *callee = fuzz_string(&b);
  sc_call call = {.caller = 0, .callee_kind = SC_CALLEE_DIRECT, .callee_name = sc_facts_intern(facts, callee),
                  .loop = SC_NONE};
  uint32_t ci = sc_facts_add_call(facts, &call, args, nargs);
  const sc_call *c = &facts->calls[ci];

  /* A random condition, with the promises that hold for any argument. */
  char *flag = word_or_string(&b);
  sc_cond cond = {.kind = (sc_cond_kind)(fuzz_u8(&b) % (SC_COND_ARG_MAY_HAVE_FLAG + 1)),
                  .arg = (int8_t)fuzz_u8(&b), .mask = fuzz_i64(&b), .flag = flag};
  (void)sc_cond_holds(&cond, facts, c);
  int index = cond.arg < 0 ? (int)nargs + cond.arg : cond.arg;
  if (index >= 0 && index < (int)nargs) {
    sc_cond is_null = {SC_COND_ARG_NULL, cond.arg, 0, NULL}, not_null = {SC_COND_ARG_NONNULL, cond.arg, 0, NULL};
    if (sc_cond_holds(&is_null, facts, c) == sc_cond_holds(&not_null, facts, c)) __builtin_trap();
  } else {
    sc_cond any = {SC_COND_ARG_NONNULL, cond.arg, 0, NULL};
    if (sc_cond_holds(&any, facts, c)) __builtin_trap(); /* no such argument: nothing holds */
  }
  sc_cond has = {SC_COND_ARG_HAS_FLAG, cond.arg, cond.mask, flag},
          lacks = {SC_COND_ARG_LACKS_FLAG, cond.arg, cond.mask, flag};
  if (sc_cond_holds(&has, facts, c) && sc_cond_holds(&lacks, facts, c)) __builtin_trap();
  free(flag);

  /* The real rows against the same call. */
  size_t napis = 0, nregs = 0;
  const sc_api *apis = sc_catalog_api_table(&napis);
  const sc_registrar *regs = sc_catalog_registrar_table(&nregs);
  for (int round = 0; round < 4; round++) {
    const sc_api *api = &apis[fuzz_u32(&b) % napis];
    (void)sc_api_applies(api, facts, c);
    static const char *const libraries[] = {"libuv", "libevent", "libev", "GLib", "sd-event", "", NULL};
    char *remedy = sc_catalog_remedy(api, libraries[fuzz_u8(&b) % (sizeof libraries / sizeof *libraries)]);
    if (!remedy) __builtin_trap();
    free(remedy);
    const sc_registrar *reg = &regs[fuzz_u32(&b) % nregs];
    (void)sc_cond_holds(&reg->when, facts, c);
    (void)sc_catalog_is_readiness_registration(reg->function, facts, c);
  }

  /* Look-ups by any name or type spelling. */
  char *name = fuzz_string(&b);
  size_t count = 0;
  (void)sc_catalog_apis(name, (sc_api_kind)(fuzz_u8(&b) % SC_API_KIND_COUNT), &count);
  (void)sc_catalog_registrars(name, &count);
  (void)sc_catalog_callback_type(name);
  (void)sc_catalog_callback_field(name, callee);
  (void)sc_catalog_wants_arg_text(name);
  (void)sc_catalog_is_readiness_registration(name, facts, c);
  free(name);
  free(callee);
  sc_facts_free(facts);
  return 0;
}
