#include "COpenSSL.h"

int ccs_sha256(const void *data, size_t length, unsigned char out[32]) {
    unsigned int out_length = 0;
    return EVP_Digest(data, length, out, &out_length, EVP_sha256(), NULL);
}

int ccs_hmac_sha256(const void *key, size_t key_length, const void *data, size_t length, unsigned char out[32]) {
    unsigned int out_length = 0;
    return HMAC(EVP_sha256(), key, (int)key_length, data, length, out, &out_length) != NULL;
}
