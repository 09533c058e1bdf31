package msg

// Grouping the rows of an episode that are not adjacent (runtime, when
// an episode id comes back after other episodes).

// GroupTooLarge: an input too large to group in memory. Verbs: the
// input's name, the largest number of rows (and of episodes) that can
// be grouped.
const GroupTooLarge = "%s: raderna för ett förlopp ligger inte i följd, och filen är för stor för att grupperas i minnet (högst %d rader och förlopp); sortera filen på förlopps-id så att varje förlopps rader ligger i följd, eller dela upp den"
