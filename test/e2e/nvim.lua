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
      finish(0)
    end
  end,
})

vim.defer_fn(function()
  result.error = 'timeout in phase ' .. phase
  finish(3)
end, timeout_ms)
