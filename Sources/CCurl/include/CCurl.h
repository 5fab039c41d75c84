// Thin shim over libcurl. curl_easy_setopt and curl_easy_getinfo are variadic, which Swift
// cannot call, so each argument type gets a typed wrapper. No logic lives here.
#ifndef CCS_CCURL_H
#define CCS_CCURL_H
#include <curl/curl.h>

CURLcode ccs_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccs_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccs_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccs_curl_setopt_offset(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccs_curl_setopt_write_callback(CURL *handle, size_t (*callback)(char *, size_t, size_t, void *));
CURLcode ccs_curl_setopt_header_callback(CURL *handle, size_t (*callback)(char *, size_t, size_t, void *));
CURLcode ccs_curl_setopt_xferinfo_callback(CURL *handle, int (*callback)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t));
CURLcode ccs_curl_setopt_debug_callback(CURL *handle, int (*callback)(CURL *, curl_infotype, char *, size_t, void *));
CURLcode ccs_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccs_curl_getinfo_double(CURL *handle, CURLINFO info, double *value);

#endif
