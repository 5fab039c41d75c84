#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry point for programs that have their own `main` (LLVM's LibFuzzer.rst,
// "Using libFuzzer as a library"). SwiftPM gives every executable target its own renamed
// `main`, so the harnesses call this instead of relying on libFuzzer's `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
