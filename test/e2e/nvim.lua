-- Headless Neovim (0.7+) as a real LSP client of the planlint server, no plugins.
-- Usage: E2E_SERVER=/abs/dist/server.js E2E_OUT=out.json E2E_EDIT_LINE=75 E2E_EDIT_TEXT='...' \
--        E2E_AS_OF=2026-11-23 nvim --headless --clean -u test/e2e/nvim.lua FILE.plan.yaml
-- Writes {"initial": [...], "afterEdit": [...]} (1-based lines, rule ids from `code`) and quits;
-- exit code 0 when both phases were seen, 3 on timeout.
local out = os.getenv('E2E_OUT') or 'nvim-out.json'
local server = assert(os.getenv('E2E_SERVER'), 'E2E_SERVER not set')
local timeout_ms = tonumber(os.getenv('E2E_TIMEOUT_MS') or '15000')
local edit_line = tonumber(os.getenv('E2E_EDIT_LINE') or '0')
local edit_text = os.getenv('E2E_EDIT_TEXT') or ''
local as_of = os.getenv('E2E_AS_OF') or ''
local hover_at = { tonumber(os.getenv('E2E_HOVER_LINE') or '1') - 1, tonumber(os.getenv('E2E_HOVER_CHAR') or '0') }
local complete_at = { tonumber(os.getenv('E2E_COMPLETE_LINE') or '1') - 1, tonumber(os.getenv('E2E_COMPLETE_CHAR') or '0') }
local result, phase = {}, 'initial'
local initial_count = -1

local function dump(diags)
  local list = {}
  for _, d in ipairs(diags) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, { rule = lsp.code or d.code, line = d.lnum + 1, col = d.col + 1, source = d.source, severity = d.severity })
  end
  table.sort(list, function(a, b) return a.line < b.line end)
  return list
end

-- After the edit: what a person sees on hover, the completion list's order and the inlay hints.
local function features(buf)
  local uri = vim.uri_from_bufnr(buf)
  local function ask(method, params)
    local res = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
    for _, r in pairs(res) do
      if r.result ~= nil then return r.result end
    end
    return nil
  end
  local h = ask('textDocument/hover', { textDocument = { uri = uri }, position = { line = hover_at[1], character = hover_at[2] } })
  result.hover = h and h.contents and (h.contents.value or h.contents) or vim.NIL
  local c = ask('textDocument/completion', { textDocument = { uri = uri }, position = { line = complete_at[1], character = complete_at[2] } })
  local items = c and (c.items or c) or {}
  table.sort(items, function(a, b) return (a.sortText or a.label) < (b.sortText or b.label) end)
  result.completion = {}
  for _, it in ipairs(items) do table.insert(result.completion, it.label) end
  local n = vim.api.nvim_buf_line_count(buf)
  local hints = ask('textDocument/inlayHint', { textDocument = { uri = uri }, range = { start = { line = 0, character = 0 }, ['end'] = { line = n, character = 0 } } }) or {}
  result.inlayHints = {}
  for _, ih in ipairs(hints) do
    local label = ih.label
    if type(label) == 'table' then
      local parts = {}
      for _, p in ipairs(label) do table.insert(parts, p.value) end
      label = table.concat(parts)
    end
    table.insert(result.inlayHints, label)
  end
end

local function finish(code)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(code == 0 and 'qall!' or ('cquit ' .. code))
end

vim.api.nvim_create_autocmd({ 'BufReadPost' }, {
  pattern = { '*.yaml', '*.yml' },
  callback = function(args)
    vim.bo[args.buf].filetype = 'yaml'
    local id = vim.lsp.start_client({
      name = 'planlint',
      cmd = { 'node', server, '--stdio' },
      root_dir = vim.fn.getcwd(),
      flags = { debounce_text_changes = 0 },
      settings = { planlint = { asOf = as_of, validate = { debounceMs = 0 } } },
      -- Neovim 0.7 neither answers workspace/configuration nor sends `settings` on its own: the
      -- server reads `initializationOptions.planlint` from such clients (docs/editors.md).
      init_options = { planlint = { asOf = as_of, validate = { debounceMs = 0 } } },
    })
    -- 0.7 has no vim.lsp.start(): attach with the id start_client returned.
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})

vim.api.nvim_create_autocmd('DiagnosticChanged', {
  callback = function(args)
    local diags = vim.diagnostic.get(args.buf)
    if phase == 'initial' and #diags > 0 then
      result.initial = dump(diags)
      initial_count = #diags
      phase = 'afterEdit'
      -- Fix the problem the way a person would: change one line of the buffer (didChange).
      vim.schedule(function()
        vim.api.nvim_buf_set_lines(args.buf, edit_line - 1, edit_line, false, { edit_text })
      end)
    elseif phase == 'afterEdit' and #diags ~= initial_count then
      result.afterEdit = dump(diags)
      phase = 'done'
      vim.schedule(function()
        features(args.buf)
        finish(0)
      end)
    end
  end,
})

vim.defer_fn(function()
  result.error = 'timeout in phase ' .. phase
  finish(3)
end, timeout_ms)
