#include "CEditLine.h"

int ccs_el_set_prompt(EditLine *el, ccs_prompt_fn prompt) { return el_set(el, EL_PROMPT, prompt); }
int ccs_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
int ccs_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
int ccs_el_set_client_data(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
void *ccs_el_get_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
int ccs_el_add_function(EditLine *el, const char *name, const char *help, ccs_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
int ccs_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, NULL);
}
int ccs_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
int ccs_el_setty(EditLine *el, const char *flag) { return el_set(el, EL_SETTY, "-d", flag, NULL); }

void ccs_el_get_size(EditLine *el, int *rows, int *columns) {
    *rows = 0;
    *columns = 0;
    if (el_get(el, EL_GETTC, "li", rows, NULL) != 0) *rows = 0;
    if (el_get(el, EL_GETTC, "co", columns, NULL) != 0) *columns = 0;
}

History *ccs_history_open(void) {
    History *h = history_init();
    return h;
}
int ccs_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
int ccs_history_set_unique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
int ccs_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
int ccs_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
int ccs_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}
