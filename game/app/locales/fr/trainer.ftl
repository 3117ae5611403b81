### L'espace formateur. Les mots du rapport lui-même (groupes, résultats,
### titres de ses figures) ne sont pas ici mais dans le cœur du jeu
### (`dedale_core::metrics::report::labels`), pour que l'écran et le rapport
### exporté disent la même chose.
###
### The trainer's space. The report's own words are in `dedale_core::metrics::report::labels`,
### so the screen and the exported report say the same thing.

abandons = Où l'on abandonne
cannot-write = { $folder } : impossible d'écrire les fichiers ({ $error }) ; choisissez un dossier où l'on peut écrire
file-read =
    { $n ->
        [0] { $file } : aucune session lue
        [one] { $file } : 1 session lue
       *[other] { $file } : { $n } sessions lues
    }
no-jsonl = { $folder } : aucun fichier .jsonl ici ; exportez d'abord des sessions, ou tapez le dossier où elles sont
written = Écrit dans { $folder } : { $files }
button = Espace formateur
competences = Profil de compétences (DigComp 2.2)
device = les sessions terminées sur cet appareil
downloaded = Fichiers téléchargés :
empty = Aucune session pour l'instant. Jouez une démarche jusqu'au bout, ou ouvrez des sessions exportées.
export = Exporter les sessions affichées
export-help = Quatre fichiers : les sessions (JSON Lines, à rouvrir ici), les événements (CSV avec « ; », pour LibreOffice), les déclarations xAPI (pour un LRS) et le rapport imprimable (HTML).
export-title = Exporter
# After the report's "Erreurs par champ": what the rate is taken over.
field-errors-how = (par passage sur la page)
folder = Dossier :
formation = Mode Formation : scores moyens
friction = Où l'on bloque : classement des pages
friction-help = Score de 0 à 100 : temps passé, erreurs, indices et abandons sur la page.
group = Code du groupe
group-help = Enregistré avec les prochaines sessions de cet appareil, pour comparer des groupes. Lettres, chiffres, - et _ seulement : jamais un nom.
# One group; `{ $median }` and `{ $hints }` are the report's words for its figures.
group-row = { $g } : { $n }, { $s } de réussite, { $a } d'abandon, { $median } { $d }, { $hints } : { $h }
hints = Indices demandés par page
intro = Les sessions sont anonymes : aucun nom, aucune valeur tapée. Seuls le parcours, le type des erreurs, les indices et les temps sont gardés.
open-files = Ouvrir des sessions exportées…
open-folder = Lire les sessions de ce dossier
outcomes = { $n } : { $s }, { $f }, { $a }.
legend = { $w } : { $n }
count-sessions =
    { $n ->
        [0] aucune session
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
        [0] 0 échouée
        [one] 1 échouée
       *[other] { $n } échouées
    }
count-abandoned =
    { $n ->
        [0] 0 abandonnée
        [one] 1 abandonnée
       *[other] { $n } abandonnées
    }
read-from = Rapport sur :
sessions-here = Sessions terminées sur cet appareil : { $n } ; déjà exportées : { $e }.
show-device = Voir les sessions de cet appareil
# After the report's "Temps par page": what the box shows.
time-per-page-how = (médiane, entre le 1er et le 3e quartile)
title = Espace formateur
unread = Lignes non lues :
versions = Attention : { $n } fichiers différents portent ce même numéro de version.
