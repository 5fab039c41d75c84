// Intentionally empty: the header declares a symbol that libclang_rt.fuzzer provides when the
// harnesses are linked with -sanitize=fuzzer.
#include "CFuzzDriver.h"
