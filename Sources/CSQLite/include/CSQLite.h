// Thin shim over SQLite. SQLITE_TRANSIENT is a cast macro Swift cannot import, so binding
// text and blobs goes through these wrappers.
#ifndef CCS_CSQLITE_H
#define CCS_CSQLITE_H
#include <sqlite3.h>

int ccs_sqlite3_bind_text_transient(sqlite3_stmt *stmt, int index, const char *text, int length);
int ccs_sqlite3_bind_blob_transient(sqlite3_stmt *stmt, int index, const void *data, int length);
#endif
