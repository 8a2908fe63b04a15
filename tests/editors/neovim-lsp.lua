-- Drives wgec's language server from Neovim's own LSP client (0.7+), headless: open a draft, wait for the
-- diagnostics, hover on a finding, apply its quick fix, wait for the re-check, and write what happened to
-- $WGEC_OUT as JSON for the test to judge. Started by NeovimTests with:
--   nvim --headless --clean -n -c "luafile neovim-lsp.lua"
local out = {}
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, vim.env.WGEC_OUT)
  vim.cmd('qa!')
end

local function codes(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, { code = d.code or lsp.code, line = d.lnum, col = d.col, end_col = d.end_col, message = d.message })
  end
  return list
end

local function find(buf, code)
  for _, d in ipairs(codes(buf)) do
    if d.code == code then return d end
  end
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.WGEC_DRAFT))
  local buf = vim.api.nvim_get_current_buf()
  local cmd = vim.split(vim.env.WGEC_SERVER, ' ', { trimempty = true })
  local client = vim.lsp.start_client({ name = 'wgec', cmd = cmd, root_dir = vim.fn.fnamemodify(vim.env.WGEC_DRAFT, ':h') })
  assert(client, 'the client did not start')
  vim.lsp.buf_attach_client(buf, client)

  out.diagnosed = vim.wait(60000, function() return find(buf, 'WGEC1802') ~= nil end, 50)
  out.before = codes(buf)
  local duty = find(buf, 'WGEC1802')
  assert(duty, 'no WGEC1802 diagnostic arrived')

  local position = { line = duty.line, character = duty.col }
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
    { textDocument = vim.lsp.util.make_text_document_params(buf), position = position }, 20000)
  for _, reply in pairs(hover or {}) do
    if reply.result then out.hover = reply.result.contents.value end
  end

  local range = { start = position, ['end'] = { line = duty.line, character = duty.end_col } }
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = vim.lsp.util.make_text_document_params(buf), range = range,
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, duty.line) },
  }, 20000)
  out.actions = {}
  local fix
  for _, reply in pairs(actions or {}) do
    for _, action in ipairs(reply.result or {}) do
      table.insert(out.actions, action.title)
      if action.isPreferred and action.edit then fix = action end
    end
  end
  assert(fix, 'no preferred quick fix was offered')
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  out.text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')

  -- The edit reaches the server as an incremental didChange; the new diagnostics no longer have the duty.
  out.rechecked = vim.wait(60000, function() return find(buf, 'WGEC1802') == nil and #vim.diagnostic.get(buf) > 0 end, 50)
  out.after = codes(buf)
  vim.lsp.stop_client(client)
end)
out.ok = ok
out.error = ok and nil or tostring(err)
finish()
