### The trainer's space in English. Same identifiers as `../fr/trainer.ftl`.

abandons = Where people give up
cannot-write = { $folder }: cannot write the files ({ $error }); choose a folder you can write to
file-read =
    { $n ->
        [0] { $file }: no sessions read
        [one] { $file }: 1 session read
       *[other] { $file }: { $n } sessions read
    }
no-jsonl = { $folder }: no .jsonl file here; export sessions first, or type the folder where they are
written = Written in { $folder }: { $files }
button = Trainer's space
competences = Skills profile (DigComp 2.2)
device = the sessions finished on this device
downloaded = Files downloaded:
empty = No session yet. Play a procedure to its end, or open exported sessions.
export = Export the sessions shown
export-help = Four files: the sessions (JSON Lines, to open here again), the events (CSV with ";", for LibreOffice), the xAPI statements (for an LRS) and the printable report (HTML).
export-title = Export
field-errors-how = (per visit of the page)
folder = Folder:
formation = Training mode: average scores
friction = Where people get stuck: pages ranked
friction-help = Score from 0 to 100: time spent, errors, hints and abandons on the page.
group = Group code
group-help = Recorded with the next sessions on this device, to compare groups. Letters, digits, - and _ only: never a name.
group-row = { $g }: { $n }, { $s } succeeded, { $a } abandoned, { $median } { $d }, { $hints }: { $h }
hints = Hints asked per page
intro = Sessions are anonymous: no name, no typed value. Only the path, the kind of errors, hints and times are kept.
open-files = Open exported sessions…
open-folder = Read the sessions in this folder
outcomes = { $n }: { $s }, { $f }, { $a }.
legend = { $w }: { $n }
count-sessions =
    { $n ->
        [0] no sessions
        [one] 1 session
       *[other] { $n } sessions
    }
count-succeeded =
    { $n ->
        [0] 0 succeeded
        [one] 1 succeeded
       *[other] { $n } succeeded
    }
count-failed =
    { $n ->
        [0] 0 failed
        [one] 1 failed
       *[other] { $n } failed
    }
count-abandoned =
    { $n ->
        [0] 0 abandoned
        [one] 1 abandoned
       *[other] { $n } abandoned
    }
read-from = Report on:
sessions-here = Sessions finished on this device: { $n }, { $e } of them already exported.
show-device = Show this device's sessions
time-per-page-how = (median, between the 1st and 3rd quartiles)
title = Trainer's space
unread = Lines not read:
versions = Warning: { $n } different files carry this same version number.
