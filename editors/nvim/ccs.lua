-- ccs for Neovim (0.8 or later): .ccs files get the filetype `ccs`, `#` comments, and the
-- ccs language server. Put this file in ~/.config/nvim/plugin/ (or require it from init.lua).
vim.filetype.add({ extension = { ccs = "ccs" } })

vim.api.nvim_create_autocmd("FileType", {
  pattern = "ccs",
  callback = function(event)
    vim.bo[event.buf].commentstring = "# %s"
    local file = vim.api.nvim_buf_get_name(event.buf)
    vim.lsp.start({
      name = "ccs",
      cmd = { "ccs", "lsp" },
      root_dir = vim.fs.dirname(vim.fs.find({ ".git" }, { upward = true, path = vim.fs.dirname(file) })[1] or file),
    })
  end,
})
