/*
 * cpu_heavy.c - calls that burn CPU in proportion to their input, or by
 * design (key derivation, key generation).  On an I/O thread they delay
 * every other callback of the loop even though nothing waits.
 *
 * Not listed: qsort (callbacks sort their few clients, windows or sources
 * all the time; a sort is rarely what stalls a loop), message digests and ciphers (SHA-256 of a request is normal;
 * only the input size makes them expensive, and that is the CPU check's
 * job), inflate (streamed chunk by chunk), and EVP_PKEY_derive (one ECDH
 * is cheap).
 */
#include "catalog/catalog_internal.h"

#define ROW(fn, family, library, why, remedy) \
  {fn, SC_API_CPU_HEAVY, family, library, SC_ALWAYS, 0, why, remedy, SC_ALWAYS}
#define CPU(fn, family, library, why) ROW(fn, family, library, why, sc_remedy_cpu_worker)

static const char compresses[] = "compresses the whole buffer on the calling thread";
static const char decompresses[] = "decompresses the whole buffer on the calling thread";
static const char kdf[] = "runs a key-derivation function that is slow by design";
static const char keygen[] = "generates keys or parameters, which takes from milliseconds to seconds";
static const char regex[] = "compiles a regular expression";

static const sc_api rows[] = {
    /* ---- compression ---- */
    CPU("compress", "compression", "zlib", compresses),
    CPU("compress2", "compression", "zlib", compresses),
    CPU("uncompress", "compression", "zlib", decompresses),
    CPU("uncompress2", "compression", "zlib", decompresses),
    ROW("deflate", "compression", "zlib", "compresses its input on the calling thread",
        "compress large inputs on a worker (uv_queue_work, g_task_run_in_thread, a thread pool), or feed "
        "deflate bounded chunks from successive loop iterations"),
    CPU("BZ2_bzBuffToBuffCompress", "compression", "bzip2", compresses),
    CPU("BZ2_bzBuffToBuffDecompress", "compression", "bzip2", decompresses),
    CPU("ZSTD_compress", "compression", "zstd", compresses),
    CPU("ZSTD_compressCCtx", "compression", "zstd", compresses),
    CPU("ZSTD_decompress", "compression", "zstd", decompresses),
    CPU("LZ4_compress_default", "compression", "lz4", compresses),
    CPU("LZ4_compress_HC", "compression", "lz4", compresses),
    CPU("lzma_easy_buffer_encode", "compression", "liblzma", compresses),

    /* ---- key derivation and password hashing ---- */
    CPU("PKCS5_PBKDF2_HMAC", "kdf", "OpenSSL", kdf),
    CPU("PKCS5_PBKDF2_HMAC_SHA1", "kdf", "OpenSSL", kdf),
    CPU("EVP_PBE_scrypt", "kdf", "OpenSSL", kdf),
    CPU("crypt", "kdf", "libcrypt", kdf),
    CPU("crypt_r", "kdf", "libcrypt", kdf),
    CPU("crypt_rn", "kdf", "libcrypt", kdf),
    CPU("argon2_hash", "kdf", "libargon2", kdf),
    CPU("argon2i_hash_raw", "kdf", "libargon2", kdf),
    CPU("argon2id_hash_raw", "kdf", "libargon2", kdf),
    CPU("argon2id_hash_encoded", "kdf", "libargon2", kdf),
    CPU("crypto_pwhash", "kdf", "libsodium", kdf),
    CPU("crypto_pwhash_str", "kdf", "libsodium", kdf),
    CPU("crypto_pwhash_str_verify", "kdf", "libsodium", kdf),

    /* ---- key generation ---- */
    CPU("RSA_generate_key_ex", "keygen", "OpenSSL", keygen),
    CPU("RSA_generate_key", "keygen", "OpenSSL", keygen),
    CPU("EVP_PKEY_keygen", "keygen", "OpenSSL", keygen),
    CPU("EVP_PKEY_generate", "keygen", "OpenSSL", keygen),
    CPU("EVP_PKEY_paramgen", "keygen", "OpenSSL", keygen),
    CPU("DH_generate_parameters_ex", "keygen", "OpenSSL", keygen),
    CPU("DSA_generate_parameters_ex", "keygen", "OpenSSL", keygen),
    CPU("BN_generate_prime_ex", "keygen", "OpenSSL", keygen),

    /* ---- regular expressions ---- */
    ROW("regcomp", "regex", "libc", regex,
        "compile the expression once at start-up and reuse it, or compile it on a worker"),
    ROW("g_regex_new", "regex", "GLib", regex,
        "compile the expression once at start-up and reuse it, or compile it on a worker"),
    ROW("pcre2_compile_8", "regex", "PCRE2", regex, /* pcre2_compile expands to it */
        "compile the expression once at start-up and reuse it, or compile it on a worker"),
};

const sc_api_family sc_catalog_cpu_heavy = {rows, SC_COUNTOF(rows)};
