with :
 pass
