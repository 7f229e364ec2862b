// CPU-heavy work on an event-loop thread: known-expensive calls and loop
// nests that are heavy whatever the input.  Loops over one input, rows times
// columns, list walks and work offloaded to the thread pool stay silent.
// RUN: not %stallcheck %s -- 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <openssl/evp.h>
#include <regex.h>
#include <stddef.h>
#include <uv.h>
#include <zlib.h>

struct item {
  int key;
  struct item *next;
};

static int dedupe(int *v, size_t n) {
  int dups = 0;
  // CHECK: heavy_loops_and_calls.c:[[@LINE+3]]:3: warning: nested loops over 'n' in 'dedupe', quadratic in 'n', run on the thread of the libuv event loop [cpu-heavy-work-on-io-thread]
  // CHECK: note: 'on_request' calls 'dedupe' here
  // CHECK: note: estimated cost: n^2 iterations x 1 statement
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) dups += i != j && v[i] == v[j];
  return dups;
}

static long checksum(const unsigned char *buf, size_t len) {
  long sum = 0;
  for (size_t i = 0; i < len; i++) sum += buf[i]; // one pass over the input: silent
  return sum;
}

static void blit(int *grid, int rows, int cols) {
  for (int y = 0; y < rows; y++) // rows x columns: silent
    for (int x = 0; x < cols; x++) grid[y * cols + x] = 0;
}

static long walk(struct item *head) {
  long n = 0;
  for (struct item *it = head; it != NULL; it = it->next) n += it->key; // a list walk: silent
  return n;
}

static double simulate(void) {
  double acc = 0;
  // CHECK: heavy_loops_and_calls.c:[[@LINE+2]]:3: warning: loops of 50000000 iterations in 'simulate' run on the thread of the libuv event loop
  // CHECK: note: estimated cost: 50000000 iterations x 1 statement
  for (int i = 0; i < 10000; i++)
    for (int j = 0; j < 5000; j++) acc += i * j;
  return acc;
}

static unsigned table[1 << 20];

static void fill_table(void) {
  for (unsigned i = 0; i < (1u << 20); i++) table[i] = i * 2654435761u; // 1M steps: silent
}

static unsigned mix(unsigned seed) {
  unsigned a = seed, b = 0, c = 0;
  // CHECK: heavy_loops_and_calls.c:[[@LINE+2]]:3: warning: loops of 2000000 iterations in 'mix' run on the thread of the libuv event loop
  // CHECK: note: estimated cost: 2000000 iterations x 6 statements
  for (int i = 0; i < 2000000; i++) {
    a += b;
    b ^= a << 3;
    c += a >> 7;
    a = a * 31 + c;
    b -= c;
    c ^= b;
  }
  return a ^ b ^ c;
}

static void on_request(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  unsigned char out[1024];
  unsigned long outlen = sizeof out;
  unsigned char key[32];
  regex_t re;
  int v[16] = {0}, grid[64];
  (void)s;
  dedupe(v, (size_t)n);
  checksum((const unsigned char *)buf->base, (size_t)n);
  blit(grid, 8, 8);
  walk(NULL);
  simulate();
  fill_table();
  mix(7);
  // CHECK: heavy_loops_and_calls.c:[[@LINE+1]]:3: warning: 'compress' runs on the thread of the libuv event loop: it compresses the whole buffer on the calling thread
  compress(out, &outlen, (const unsigned char *)buf->base, (unsigned long)n);
  // CHECK: note: remedy: move the work off the loop, to a pool of worker threads (C threads run CPU work in parallel): run it on the libuv thread pool with uv_queue_work
  // CHECK: heavy_loops_and_calls.c:[[@LINE+1]]:3: warning: 'PKCS5_PBKDF2_HMAC' runs on the thread of the libuv event loop: it runs a key-derivation function that is slow by design
  PKCS5_PBKDF2_HMAC("pw", 2, key, 8, 100000, EVP_sha256(), 32, key);
  // CHECK: heavy_loops_and_calls.c:[[@LINE+1]]:3: warning: 'regcomp' runs on the thread of the libuv event loop: it compiles a regular expression
  regcomp(&re, "^[a-z]+$", REG_EXTENDED);
}

static void work(uv_work_t *req) {
  (void)req;
  int v[16] = {0};
  dedupe(v, 16);
  simulate(); // on a worker thread: silent (reached from the loop above too, reported there)
}

static void after_work(uv_work_t *req, int status) {
  (void)req;
  (void)status;
}

int main(void) {
  static uv_tcp_t server;
  static uv_work_t req;
  uv_read_start((uv_stream_t *)&server, NULL, on_request);
  uv_queue_work(uv_default_loop(), &req, work, after_work);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
