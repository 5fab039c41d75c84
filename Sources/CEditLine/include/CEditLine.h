// Thin shim over libedit (BSD editline): the native histedit API.
// el_set/el_get/history are variadic, so the operations ccs uses get typed wrappers.
#ifndef CCS_CEDITLINE_H
#define CCS_CEDITLINE_H
#include <stdio.h>
#include <histedit.h>

typedef const char *(*ccs_prompt_fn)(EditLine *);
typedef unsigned char (*ccs_command_fn)(EditLine *, int);

int ccs_el_set_prompt(EditLine *el, ccs_prompt_fn prompt);
int ccs_el_set_editor(EditLine *el, const char *mode);
int ccs_el_set_history(EditLine *el, History *h);
int ccs_el_set_client_data(EditLine *el, void *data);
void *ccs_el_get_client_data(EditLine *el);
int ccs_el_add_function(EditLine *el, const char *name, const char *help, ccs_command_fn fn);
int ccs_el_bind(EditLine *el, const char *key, const char *function);
int ccs_el_set_signal(EditLine *el, int on);
/* `setty -d FLAG`: FLAG for edit mode only (libedit supplies argv[0]), e.g. "-isig" so Ctrl-C reaches a key binding. */
int ccs_el_setty(EditLine *el, const char *flag);

/* The terminal's size as libedit knows it (it follows SIGWINCH with EL_SIGNAL on); 0 when unknown. */
void ccs_el_get_size(EditLine *el, int *rows, int *columns);

History *ccs_history_open(void);
int ccs_history_set_size(History *h, int size);
int ccs_history_set_unique(History *h, int unique);
int ccs_history_enter(History *h, const char *line);
int ccs_history_load(History *h, const char *path);
int ccs_history_save(History *h, const char *path);
#endif
