// Thin shim over libcrypto: the digest, HMAC and random-byte entry points ccs uses.
#ifndef CCS_COPENSSL_H
#define CCS_COPENSSL_H
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <stddef.h>

// One-shot SHA-256; returns 1 on success.
int ccs_sha256(const void *data, size_t length, unsigned char out[32]);
// One-shot HMAC-SHA256; returns 1 on success.
int ccs_hmac_sha256(const void *key, size_t key_length, const void *data, size_t length, unsigned char out[32]);
#endif
