### L'espace formateur en FALC. Mêmes identifiants que `../fr/trainer.ftl`.

abandons = Où les joueurs arrêtent
cannot-write = { $folder } : le jeu ne peut pas écrire les fichiers ({ $error }). Choisissez un autre dossier.
file-read =
    { $n ->
        [0] { $file } : pas de session lue
        [one] { $file } : 1 session lue
       *[other] { $file } : { $n } sessions lues
    }
no-jsonl = { $folder } : il n'y a pas de fichier .jsonl ici. Exportez d'abord des sessions. Ou écrivez le nom du dossier des sessions.
written = Fichiers écrits dans { $folder } : { $files }
button = Espace formateur
competences = Ce que les joueurs apprennent (DigComp 2.2)
device = les sessions finies sur cet appareil
downloaded = Fichiers téléchargés :
empty = Il n'y a pas encore de session. Jouez une démarche jusqu'à la fin. Ou ouvrez des sessions exportées.
export = Exporter les sessions de cette page
export-help = Le jeu écrit 4 fichiers. Les sessions, pour les rouvrir ici. Les actions, pour un tableur comme LibreOffice. Les déclarations xAPI, pour un LRS. Le rapport, pour l'imprimer.
export-title = Exporter
field-errors-how = (à chaque passage sur la page)
folder = Dossier :
formation = Mode Formation : les scores moyens
friction = Les pages où les joueurs bloquent
friction-help = Un score de 0 à 100. Il compte le temps, les erreurs, les aides et les arrêts sur la page.
group = Code du groupe
group-help = Le code est gardé avec les prochaines sessions de cet appareil. Il sert à comparer des groupes. Écrivez des lettres, des chiffres, - ou _. N'écrivez jamais un nom.
group-row = { $g } : { $n }, { $s } de réussite, { $a } d'arrêt, { $median } { $d }, { $hints } : { $h }
hints = Aides demandées par page
intro = Les sessions ne disent pas qui a joué. Elles ne gardent pas les noms. Elles ne gardent pas ce que les joueurs écrivent. Elles gardent le chemin, les sortes d'erreurs, les aides et les temps.
open-files = Ouvrir des sessions exportées…
open-folder = Lire les sessions de ce dossier
outcomes = { $n } : { $s }, { $f }, { $a }.
legend = { $w } : { $n }
count-sessions =
    { $n ->
        [0] pas de session
        [one] 1 session
       *[other] { $n } sessions
    }
count-succeeded =
    { $n ->
        [0] 0 réussie
        [one] 1 réussie
       *[other] { $n } réussies
    }
count-failed =
    { $n ->
        [0] 0 ratée
        [one] 1 ratée
       *[other] { $n } ratées
    }
count-abandoned =
    { $n ->
        [0] 0 arrêtée
        [one] 1 arrêtée
       *[other] { $n } arrêtées
    }
read-from = Rapport sur :
sessions-here = Sessions finies sur cet appareil : { $n }. Sessions déjà exportées : { $e }.
show-device = Voir les sessions de cet appareil
time-per-page-how = (le temps du milieu, et où se trouve la moitié des joueurs)
title = Espace formateur
unread = Lignes que le jeu ne peut pas lire :
versions = Attention : { $n } fichiers différents ont le même numéro de version.
