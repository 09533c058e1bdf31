package msg

// Grouping the rows of an episode that are not adjacent (runtime, when
// an episode id comes back after other episodes).

// GroupTooLarge: an input too large to group in memory. Verbs: the
// input's name, the largest number of rows (and of episodes) that can
// be grouped.
const GroupTooLarge = "%s: raderna för ett förlopp ligger inte i följd, och filen är för stor för att grupperas i minnet (högst %d rader och förlopp); sortera filen på förlopps-id så att varje förlopps rader ligger i följd, eller dela upp den"

// GroupConflict: a row of an episode whose rows are not adjacent has an
// attribute value that differs from the value earlier rows of the
// episode gave it (the row is rejected, the episode incomplete). Verbs:
// the episode id quoted, the attribute, the row's value quoted, the
// earlier value quoted, the file and row where the episode starts, the
// attribute again.
const GroupConflict = "förloppet %q har %s %q på den här raden men %q i raderna före (förloppet börjar på %s:%d); ett förlopp har ett enda värde för %s, rätta raderna"
