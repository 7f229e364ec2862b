void save(void);
