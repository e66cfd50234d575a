; Included into the NSIS installer (nsis.include in build/electron-builder.config.cjs).
; Kept small on purpose: every line here runs on station PCs and cannot be tested off Windows.

; The registers live in the user's AppData (IndexedDB), never in the install folder, so an
; uninstall (or a reinstall) leaves them in place. Say so in the uninstaller's log.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    DetailPrint "Registers and backups are kept in the user's AppData folder (not removed)."
  ${endIf}
!macroend
