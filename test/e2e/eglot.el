;;; eglot.el --- Emacs (batch) + eglot as a real LSP client of the planlint server  -*- lexical-binding: t -*-
;; Usage: E2E_SERVER=/abs/dist/server.js E2E_OUT=out.json E2E_EDIT_LINE=75 E2E_EDIT_TEXT='...' \
;;        E2E_AS_OF=2026-11-23 emacs --batch -Q -l test/e2e/eglot.el FILE.plan.yaml
;; Writes {"initial": [...], "afterEdit": [...]} (1-based lines, rule ids) and exits 0, or 3 on timeout.
(dolist (d (and (file-directory-p "/usr/share/emacs/site-lisp/elpa/")
                (directory-files "/usr/share/emacs/site-lisp/elpa/" t "^[a-z]")))  ; Debian's elpa-* packages
  (add-to-list 'load-path d))
(require 'eglot)
(require 'json)
(require 'flymake)

(define-derived-mode e2e-yaml-mode text-mode "YAML")   ; Emacs 28 has no YAML mode built in
(add-to-list 'auto-mode-alist '("\\.ya?ml\\'" . e2e-yaml-mode))
(add-to-list 'eglot-server-programs
             `((e2e-yaml-mode :language-id "yaml") . ("node" ,(getenv "E2E_SERVER") "--stdio")))
(setq eglot-sync-connect t
      eglot-connect-timeout 20
      eglot-send-changes-idle-time 0
      eglot-autoshutdown nil)
(setq-default eglot-workspace-configuration
              `((:planlint . (:asOf ,(or (getenv "E2E_AS_OF") "") :validate (:debounceMs 0)))))

(defun e2e--rule-of (diag)
  "The rule id: eglot keeps the LSP diagnostic's code in the flymake text's prefix or data."
  (let ((text (flymake-diagnostic-text diag)))
    (if (string-match "\\[\\([^]]+\\)\\]" text) (match-string 1 text) text)))

(defun e2e--dump (diags)
  (sort (mapcar (lambda (d)
                  (list (cons 'rule (e2e--rule-of d))
                        (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                        (cons 'type (symbol-name (flymake-diagnostic-type d)))))
                diags)
        (lambda (a b) (< (cdr (assq 'line a)) (cdr (assq 'line b))))))

(defun e2e--wait (pred seconds)
  (let ((deadline (+ (float-time) seconds)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      ;; Batch Emacs never idles: run eglot's change timer and flymake by hand.
      (when (and (boundp 'eglot--change-idle-timer) eglot--change-idle-timer)
        (ignore-errors (eglot--signal-textDocument/didChange)))
      (ignore-errors (flymake-start)))
    v))

(defun e2e--env-pos (line-var char-var)
  (list :line (1- (string-to-number (or (getenv line-var) "1")))
        :character (string-to-number (or (getenv char-var) "0"))))

(defun e2e--features ()
  "After the edit: the hover text, the completion labels in sortText order, the inlay hint labels."
  (let* ((server (eglot-current-server))
         (doc (eglot--TextDocumentIdentifier))
         (hover (ignore-errors (jsonrpc-request server :textDocument/hover
                                                (list :textDocument doc :position (e2e--env-pos "E2E_HOVER_LINE" "E2E_HOVER_CHAR")))))
         (contents (and hover (plist-get hover :contents)))
         (compl (ignore-errors (jsonrpc-request server :textDocument/completion
                                                (list :textDocument doc :position (e2e--env-pos "E2E_COMPLETE_LINE" "E2E_COMPLETE_CHAR")))))
         (items (append (if (and (listp compl) (plist-member compl :items)) (plist-get compl :items) compl) nil))
         (hints (ignore-errors (jsonrpc-request server :textDocument/inlayHint
                                                (list :textDocument doc
                                                      :range (list :start (list :line 0 :character 0)
                                                                   :end (list :line (count-lines (point-min) (point-max)) :character 0)))))))
    (setq items (sort items (lambda (a b) (string< (or (plist-get a :sortText) (plist-get a :label))
                                                   (or (plist-get b :sortText) (plist-get b :label))))))
    (list (cons 'hover (if (stringp contents) contents (or (plist-get contents :value) "")))
          (cons 'completion (vconcat (mapcar (lambda (i) (plist-get i :label)) items)))
          (cons 'inlayHints (vconcat (mapcar (lambda (h)
                                              (let ((l (plist-get h :label)))
                                                (if (stringp l) l (mapconcat (lambda (p) (plist-get p :value)) l ""))))
                                            (append hints nil)))))))

(let* ((file (car command-line-args-left))
       (out (or (getenv "E2E_OUT") "emacs-out.json"))
       (edit-line (string-to-number (or (getenv "E2E_EDIT_LINE") "0")))
       (edit-text (or (getenv "E2E_EDIT_TEXT") ""))
       (timeout (/ (string-to-number (or (getenv "E2E_TIMEOUT_MS") "15000")) 1000.0))
       (result nil)
       initial after)
  (setq command-line-args-left nil)
  (find-file file)
  ;; eglot-ensure defers to post-command-hook, which never runs in batch: connect explicitly.
  (unless (eglot-current-server) (apply #'eglot (eglot--guess-contact)))
  (setq initial (e2e--wait (lambda () (flymake-diagnostics)) timeout))
  (push (cons 'initial (e2e--dump initial)) result)
  (when initial
    (save-excursion
      (goto-char (point-min))
      (forward-line (1- edit-line))
      (delete-region (line-beginning-position) (line-end-position))
      (insert edit-text))
    (setq after (e2e--wait (lambda ()
                             (let ((ds (flymake-diagnostics)))
                               (and (/= (length ds) (length initial)) ds)))
                           timeout))
    ;; The edit may reach the server as more than one change: wait until nothing moves for 1 s.
    (let ((stable-since (float-time)) (deadline (+ (float-time) timeout)) (last (e2e--dump after)))
      (while (and after (< (- (float-time) stable-since) 1.0) (< (float-time) deadline))
        (e2e--wait (lambda () nil) 0.1)
        (let ((now (e2e--dump (flymake-diagnostics))))
          (unless (equal now last) (setq last now stable-since (float-time) after (flymake-diagnostics))))))
    (push (cons 'afterEdit (e2e--dump after)) result)
    (when after (setq result (append (e2e--features) result))))
  (unless (and initial after) (push (cons 'error "timeout") result))
  (with-temp-file out (insert (json-encode result)))
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (kill-emacs (if (and initial after) 0 3)))
