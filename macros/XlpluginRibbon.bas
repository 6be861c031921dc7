Attribute VB_Name = "XlpluginRibbon"
' Ribbon callbacks of the xlplugin add-in (ribbon XML: customUI14.xml beside this file).
' Each button runs Python through xlwings' RunPython; xlplugin.ribbon does the work and
' shows the result. Labels come from RibbonText, which `xlplugin addin build` generates
' from the package's Danish and English texts (module XlpluginTexts).
Option Explicit

' Stamped with the xlplugin version by `xlplugin addin build`; Python compares it with its own.
Private Const ADDIN_VERSION As String = "dev"

Private ribbonLang As String

' da or en: XLPLUGIN_LANG from the user config (xlplugin.conf) if set, else Danish when
' Excel itself is Danish (country code 45), else English. Only the user layer is asked: xlwings'
' sheet and directory layers read ActiveWorkbook, which is Nothing when no workbook is open
' (error 91 in every label callback), and a project workbook carries no configuration.
Public Function RibbonLanguage() As String
    If ribbonLang = "" Then
        ribbonLang = LCase$(Trim$(GetConfig("XLPLUGIN_LANG", "", "user")))
        If ribbonLang <> "da" And ribbonLang <> "en" Then
            If Application.International(xlCountryCode) = 45 Then ribbonLang = "da" Else ribbonLang = "en"
        End If
    End If
    RibbonLanguage = ribbonLang
End Function

Public Sub GetLabel(control As IRibbonControl, ByRef returnedVal)
    returnedVal = RibbonText(control.ID & ".label", RibbonLanguage())
End Sub

Public Sub GetScreentip(control As IRibbonControl, ByRef returnedVal)
    returnedVal = RibbonText(control.ID & ".screentip", RibbonLanguage())
End Sub

Public Sub GetSupertip(control As IRibbonControl, ByRef returnedVal)
    returnedVal = RibbonText(control.ID & ".supertip", RibbonLanguage())
End Sub

' Buttons that work on the open workbook.
Public Sub OnAction(control As IRibbonControl)
    If ActiveWorkbook Is Nothing Then
        Tell RibbonText("no_workbook", RibbonLanguage())
        Exit Sub
    End If
    #If Mac Then
        ' xlwings' RunPython on the Mac turns the workbook's FullName into a POSIX path, which an
        ' unsaved workbook does not have: the press would end in "Running..." that never ends.
        If ActiveWorkbook.Path = "" Then
            Tell RibbonText("save_first", RibbonLanguage())
            Exit Sub
        End If
    #End If
    RunAction control.ID, ""
End Sub

Private Sub Tell(ByVal message As String)
    MsgBox message, vbInformation, RibbonText("xlpluginTab.label", RibbonLanguage())
End Sub

' New project workbook: ask where to save it, then Python writes and opens it.
Public Sub OnNew(control As IRibbonControl)
    Dim target As Variant
    #If Mac Then
        ' RunPython needs a saved workbook to call from on the Mac (see OnAction); ask before the dialog.
        If ActiveWorkbook Is Nothing Then
            Tell RibbonText("new.mac_no_workbook", RibbonLanguage())
            Exit Sub
        ElseIf ActiveWorkbook.Path = "" Then
            Tell RibbonText("new.mac_no_workbook", RibbonLanguage())
            Exit Sub
        End If
        ' no Windows-style file filter on the Mac; Python checks the .xlsx ending
        target = Application.GetSaveAsFilename(RibbonText("new.filename", RibbonLanguage()))
    #Else
        target = Application.GetSaveAsFilename(RibbonText("new.filename", RibbonLanguage()), RibbonText("new.filter", RibbonLanguage()))
    #End If
    If VarType(target) = vbBoolean Then Exit Sub
    #If Mac Then
        If Left$(target, 1) <> "/" Then target = ToPosixPath(CStr(target))  ' an old-style HFS path
    #Else
        ' RunPython needs an active workbook to call from; an unsaved one does on Windows.
        If ActiveWorkbook Is Nothing Then Workbooks.Add
    #End If
    RunAction control.ID, CStr(target)
End Sub

' Merge copies: the planner picks one or more copies (Excel's open dialog, several files at
' once); Python merges them into the open workbook. The paths travel one per line.
Public Sub OnMerge(control As IRibbonControl)
    Dim picked As Variant
    Dim joined As String
    Dim i As Long
    If ActiveWorkbook Is Nothing Then
        Tell RibbonText("no_workbook", RibbonLanguage())
        Exit Sub
    End If
    #If Mac Then
        If ActiveWorkbook.Path = "" Then
            Tell RibbonText("save_first", RibbonLanguage())
            Exit Sub
        End If
        ' no Windows-style file filter on the Mac; Python refuses what is not a project workbook
        picked = Application.GetOpenFilename(Title:=RibbonText("merge.title", RibbonLanguage()), MultiSelect:=True)
    #Else
        picked = Application.GetOpenFilename(FileFilter:=RibbonText("merge.filter", RibbonLanguage()), _
            Title:=RibbonText("merge.title", RibbonLanguage()), MultiSelect:=True)
    #End If
    If Not IsArray(picked) Then Exit Sub  ' Cancel gives False
    For i = LBound(picked) To UBound(picked)
        #If Mac Then
            If Left$(picked(i), 1) <> "/" Then picked(i) = ToPosixPath(CStr(picked(i)))
        #End If
        If i > LBound(picked) Then joined = joined & vbLf
        joined = joined & picked(i)
    Next i
    RunAction control.ID, joined
End Sub

Private Sub RunAction(ByVal controlId As String, ByVal path As String)
    RunPython "import xlplugin.ribbon; xlplugin.ribbon.run('" & controlId & "', lang='" & RibbonLanguage() & _
        "', addin_version='" & ADDIN_VERSION & "', path_hex='" & Utf16Hex(path) & "')"
End Sub

' A path travels as UTF-16 hex: no quote, ampersand or percent sign can break the command line
' that RunPython builds (cmd.exe on Windows, AppleScript on macOS).
Private Function Utf16Hex(ByVal text As String) As String
    Dim i As Long
    For i = 1 To Len(text)
        Utf16Hex = Utf16Hex & Right$("000" & Hex$(AscW(Mid$(text, i, 1)) And &HFFFF&), 4)
    Next i
End Function
